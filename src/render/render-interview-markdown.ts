import type { Evaluation, InterviewTurn, Verdict } from '../domain/index.js';

/** What an interview record shows. */
export interface InterviewRecord {
  personaTitle: string;
  /** Phase ids to titles, for headings. */
  phaseTitles: ReadonlyMap<string, string>;
  turns: readonly InterviewTurn[];
  evaluation?: Evaluation | null | undefined;
  /** When it took place (ISO date or date-time), shown under the title. */
  date?: string | undefined;
}

const verdictMarks: Record<Verdict, string> = {
  observed: 'observed',
  partial: 'partly',
  'not-observed': 'not observed',
};

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

/** The transcript alone: one section per phase, each turn numbered with its time. */
export function renderInterviewTranscript(record: InterviewRecord): string {
  const lines: string[] = ['## Transcript', ''];
  let phase: string | undefined;
  for (const turn of record.turns) {
    if (turn.phase !== phase) {
      phase = turn.phase;
      lines.push(`### ${record.phaseTitles.get(turn.phase) ?? turn.phase}`, '');
    }
    const who = turn.speaker === 'interviewer' ? 'Interviewer' : 'You';
    lines.push(`**${turn.turn}. ${who}** (${clock(turn.startedAtSeconds)})`, '');
    lines.push(turn.text.trim() === '' ? '_(no answer)_' : blockquote(turn.text.trim()), '');
  }
  return lines.join('\n');
}

/** The report alone: rating, criteria with evidence, improvements, delivery, STAR, phases. */
export function renderInterviewReport(evaluation: Evaluation): string {
  const lines: string[] = ['## Report', '', `**Rating:** ${evaluation.rating.label}`, ''];
  for (const reason of evaluation.rating.reasons) lines.push(`- ${reason}`);
  lines.push('', '### Three things to improve', '');
  evaluation.improvements.forEach((item, index) => {
    lines.push(
      `${index + 1}. **${item.title}**${item.turn ? ` (turn ${item.turn})` : ''}: ${item.why}`,
      `   - Stronger: ${item.stronger}${item.sources.length > 0 ? ` _(from ${item.sources.join(', ')})_` : ''}`,
    );
  });
  if (evaluation.improvements.length === 0) lines.push('Nothing stood out; keep practising.');
  for (const kind of ['strong', 'red-flag'] as const) {
    const criteria = evaluation.criteria.filter((item) => item.kind === kind);
    if (criteria.length === 0) continue;
    lines.push('', kind === 'strong' ? '### Strong indicators' : '### Red flags', '');
    for (const criterion of criteria) {
      lines.push(
        `- **${criterion.label}**: ${verdictMarks[criterion.verdict]}. ${criterion.reason}`,
      );
      for (const evidence of criterion.evidence) {
        lines.push(`  - Turn ${evidence.turn}: “${evidence.quote}”`);
      }
    }
  }
  const delivery = evaluation.delivery;
  lines.push('', '### Delivery', '');
  lines.push(
    `- Answers: ${delivery.answerWords.count}, ${delivery.answerWords.mean} words on average (shortest ${delivery.answerWords.min}, longest ${delivery.answerWords.max}).`,
  );
  if (delivery.wordsPerMinute !== null)
    lines.push(`- Pace: ${delivery.wordsPerMinute} words per minute.`);
  const fillers = Object.entries(delivery.fillerWords.counts)
    .sort((a, b) => b[1] - a[1])
    .map(([filler, count]) => `"${filler}" ×${count}`);
  lines.push(
    `- Filler words: ${delivery.fillerWords.total} (${delivery.fillerWords.perHundredWords} per hundred words)${fillers.length > 0 ? `: ${fillers.join(', ')}` : ''}.`,
  );
  if (delivery.longPauses) {
    lines.push(
      `- Pauses over ${delivery.longPauses.thresholdSeconds} s before answering: ${delivery.longPauses.count}${delivery.longPauses.turns.length > 0 ? ` (turns ${delivery.longPauses.turns.join(', ')})` : ''}.`,
    );
  }
  if (delivery.talkRatio !== null) {
    lines.push(`- You spoke ${Math.round(delivery.talkRatio * 100)}% of the time.`);
  }
  if (evaluation.star.length > 0) {
    lines.push('', '### Stories (STAR)', '');
    for (const check of evaluation.star) {
      lines.push(
        `- Turn ${check.turn}: ${check.missing.length === 0 ? 'complete, with a measurable result' : `missing ${check.missing.join(', ')}`}.`,
      );
    }
  }
  if (evaluation.phases.length > 0) {
    lines.push('', '### By phase', '');
    for (const phase of evaluation.phases) {
      lines.push(`- **${phase.title}**: ${phase.notes.join(' ')}`);
    }
  }
  return lines.join('\n');
}

/**
 * A mock interview as Markdown: title, the report (when evaluated) and the
 * transcript, so the file reads well in any Markdown viewer or an Obsidian vault.
 *
 * @example
 * renderInterviewMarkdown({ personaTitle, phaseTitles, turns, evaluation });
 */
export function renderInterviewMarkdown(record: InterviewRecord): string {
  const parts = [
    `# Mock interview: ${record.personaTitle}`,
    record.date ? `\n_${record.date}_` : '',
    '',
    record.evaluation ? `${renderInterviewReport(record.evaluation)}\n` : '',
    renderInterviewTranscript(record),
  ];
  return `${parts
    .filter((part, index) => index === 2 || part !== '')
    .join('\n')
    .trimEnd()}\n`;
}
