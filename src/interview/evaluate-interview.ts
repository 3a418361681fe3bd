import type {
  ClockMode,
  CriterionJudgement,
  Delivery,
  Evaluation,
  EvaluationEvidence,
  Improvement,
  InterviewTurn,
  Persona,
  PersonaCriterion,
  RatingLevel,
  StarCheck,
  Verdict,
} from '../domain/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import {
  type AnswerAnalysis,
  type AnswerAnalyzer,
  countSharedStems,
  createAnswerAnalyzer,
  listWords,
  scoreAnswerSubstance,
  stemWord,
} from './analyze-answer.js';
import {
  createReferenceFinder,
  type ReferenceFinder,
  type ReferenceKind,
} from './find-reference-answer.js';
import type { AnswerSignal, InterviewVocabulary } from './interview-vocabulary.js';

/** What an evaluation reads. */
export interface EvaluateInterviewInput {
  persona: Persona;
  turns: readonly InterviewTurn[];
  vocabulary: InterviewVocabulary;
  /** For the stronger answers; without it improvements use the persona's lines only. */
  knowledge?: KnowledgeBase | undefined;
  /** Delivery figures that need timings (pace, pauses) are given only for a real clock. */
  clock: ClockMode;
  analyzer?: AnswerAnalyzer;
  references?: ReferenceFinder;
}

interface Answer {
  turn: InterviewTurn;
  /** The interviewer's turn it answers. */
  prompt: InterviewTurn | undefined;
  analysis: AnswerAnalysis;
}

/** A pause longer than this before an answer is counted as long. */
const longPauseSeconds = 5;

const ratingLabels: Record<RatingLevel, string> = {
  strong: 'Strong: ready for the real round',
  solid: 'Solid: a few things to sharpen',
  mixed: 'Mixed: practise the gaps below before the round',
  'not-yet': 'Not yet: work through the improvements and try again',
};

// A red flag worded as an absence ("No security awareness", "Cannot explain
// technology choices") is observed when the behaviour it names never shows.
const absenceWording =
  /^(?:no|not|never|cannot|can't|can not|unable|lacks?|lacking|doesn't|does not|don't|fails? to|without|little|limited|vague)\b/i;

const behavioralPrompt =
  /\b(?:tell me about a time|describe a (?:time|situation)|give me an example|walk me through a time|a time (?:when|you)|have you ever|think of a time|share an example)\b/i;

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/-/g, ' ');
}

/** The vocabulary's signals that judge a criterion: their cues appear in its label. */
export function findCriterionSignals(
  criterion: Pick<PersonaCriterion, 'label'>,
  signals: readonly AnswerSignal[],
): AnswerSignal[] {
  const label = normalizeLabel(criterion.label);
  return signals.filter((signal) => signal.criterionCues.some((cue) => label.includes(cue)));
}

function quote(sentence: string): string {
  const clean = sentence.replace(/\s+/g, ' ').trim();
  return clean.length <= 220 ? clean : `${clean.slice(0, 217).trimEnd()}…`;
}

function evidenceFor(
  answers: readonly Answer[],
  signalIds: ReadonlySet<string>,
  limit = 3,
): { evidence: EvaluationEvidence[]; turns: number } {
  const evidence: EvaluationEvidence[] = [];
  let turns = 0;
  for (const answer of answers) {
    const sentences = [...signalIds].flatMap(
      (id) => answer.analysis.signals.get(id)?.sentences ?? [],
    );
    if (sentences.length === 0) continue;
    turns += 1;
    if (evidence.length < limit)
      evidence.push({ turn: answer.turn.turn, quote: quote(sentences[0] as string) });
  }
  return { evidence, turns };
}

function judgeCriterion(
  criterion: PersonaCriterion,
  answers: readonly Answer[],
  signals: readonly AnswerSignal[],
): CriterionJudgement {
  const mapped = findCriterionSignals(criterion, signals);
  const positive = mapped.filter((signal) => signal.polarity === 'positive');
  const negative = mapped.filter((signal) => signal.polarity === 'negative');
  const base = { id: criterion.id, label: criterion.label, kind: criterion.kind };
  const unprompted = /unprompted|without being (?:asked|reminded|prompted)|on their own/i.test(
    criterion.label,
  );
  // "Unprompted" criteria do not count what was said in reply to a probe about it.
  const considered = unprompted
    ? answers.filter(
        (answer) => answer.prompt?.act !== 'security-probe' && answer.prompt?.act !== 'probe',
      )
    : answers;

  if (criterion.kind === 'strong') {
    if (positive.length === 0) return judgeByWords(criterion, considered);
    const { evidence, turns } = evidenceFor(
      considered,
      new Set(positive.map((signal) => signal.id)),
    );
    const verdict: Verdict = turns >= 2 ? 'observed' : turns === 1 ? 'partial' : 'not-observed';
    const names = positive.map((signal) => signal.label).join(' or ');
    return {
      ...base,
      verdict,
      evidence,
      reason:
        turns === 0
          ? `Not seen in any answer (${names}).`
          : `Seen in ${plural(turns, 'answer')} (${names}).`,
    };
  }

  if (negative.length > 0) {
    const { evidence, turns } = evidenceFor(answers, new Set(negative.map((signal) => signal.id)));
    const names = negative.map((signal) => signal.label).join(' or ');
    return {
      ...base,
      verdict: turns >= 2 ? 'observed' : turns === 1 ? 'partial' : 'not-observed',
      evidence,
      reason:
        turns === 0
          ? `Not seen in any answer (${names}).`
          : `Seen in ${plural(turns, 'answer')} (${names}).`,
    };
  }
  if (positive.length === 0) return judgeByWords(criterion, answers);
  const ids = new Set(positive.map((signal) => signal.id));
  const names = positive.map((signal) => signal.label).join(' or ');
  // The answers this criterion is about: those whose question or answer
  // shares words with its label (security also counts the security probe).
  const related = answers.filter(
    (answer) =>
      countSharedStems(criterion.label, answer.prompt?.text ?? '') >= 2 ||
      (ids.has('security') && answer.prompt?.act === 'security-probe'),
  );
  const quoted = (items: readonly Answer[]) =>
    items.slice(0, 2).map((answer) => ({
      turn: answer.turn.turn,
      quote: quote(answer.turn.text || '(no answer)'),
    }));
  if (absenceWording.test(criterion.label.trim())) {
    // Worded as an absence: observed when no answer shows the behaviour.
    const { evidence, turns } = evidenceFor(considered, ids);
    if (turns === 0) {
      const probed = related.some((answer) => answer.prompt?.act === 'security-probe');
      const main = answers.filter((answer) => answer.prompt?.act === 'question');
      return {
        ...base,
        verdict: 'observed',
        evidence: quoted(related.length > 0 ? related : main),
        reason: `Not seen in any answer (${names})${probed ? ', even when asked directly' : ''}.`,
      };
    }
    return {
      ...base,
      verdict: turns === 1 ? 'partial' : 'not-observed',
      evidence,
      reason:
        turns === 1
          ? `Seen in only one answer (${names}).`
          : `Seen in ${turns} answers (${names}), so this does not apply.`,
    };
  }
  // A behaviour judged by its opposite ("Plans a migration that locks a
  // large table" by safe rollouts): only where the interviewer asked about
  // the topic and the answers there lacked the opposite.
  const anywhere = evidenceFor(answers, ids);
  if (anywhere.turns > 0) {
    return {
      ...base,
      verdict: 'not-observed',
      evidence: anywhere.evidence,
      reason: `Seen in ${plural(anywhere.turns, 'answer')} (${names}), so this does not apply.`,
    };
  }
  if (related.length === 0) {
    return { ...base, verdict: 'not-observed', evidence: [], reason: 'The topic did not come up.' };
  }
  // Asked about it directly (the security probe) and still nothing: observed.
  // Otherwise it is inferred from what was missing, so at most partial.
  const probed = related.some((answer) => answer.prompt?.act === 'security-probe');
  return {
    ...base,
    verdict: probed ? 'observed' : 'partial',
    evidence: quoted(related),
    reason: probed
      ? `Not seen in any answer (${names}), even when asked directly.`
      : `Asked about the topic; not seen in the answers (${names}).`,
  };
}

const ignoredLabelWords = new Set(
  'about after again answer answers asks candidate clear clearly every explain explains first from other their them they this those what when where which with without would'
    .split(' ')
    .map(stemWord),
);

/**
 * For a criterion no signal covers: its own content words in the answers, at
 * most "partial". A red flag worded as an absence ("Cannot explain their past
 * projects") is the opposite: answers on its topic speak against it.
 */
function judgeByWords(criterion: PersonaCriterion, answers: readonly Answer[]): CriterionJudgement {
  const absence = criterion.kind === 'red-flag' && absenceWording.test(criterion.label.trim());
  const topic = absence ? criterion.label.trim().replace(absenceWording, '') : criterion.label;
  const stems = [
    ...new Set(
      listWords(topic)
        .filter((word) => word.length >= 5)
        .map(stemWord)
        .filter((stem) => !ignoredLabelWords.has(stem)),
    ),
  ];
  const evidence: EvaluationEvidence[] = [];
  for (const answer of answers) {
    for (const sentence of answer.analysis.sentences) {
      const sentenceStems = new Set(listWords(sentence).map(stemWord));
      const shared = stems.filter((stem) => sentenceStems.has(stem)).length;
      if (shared >= Math.min(2, stems.length) && shared > 0) {
        evidence.push({ turn: answer.turn.turn, quote: quote(sentence) });
        break;
      }
    }
    if (evidence.length >= 2) break;
  }
  return {
    id: criterion.id,
    label: criterion.label,
    kind: criterion.kind,
    verdict: evidence.length > 0 && !absence ? 'partial' : 'not-observed',
    evidence,
    reason:
      evidence.length === 0
        ? 'prepkit has no detector for this criterion and found none of its words; judge it from the transcript.'
        : absence
          ? 'The answers do talk about this, so it is not counted; check the quotes yourself.'
          : 'Judged by the criterion’s own words in the answers; check the quotes yourself.',
  };
}

function rate(
  criteria: readonly CriterionJudgement[],
  answers: readonly Answer[],
): Evaluation['rating'] {
  const weight = (verdict: Verdict) =>
    verdict === 'observed' ? 1 : verdict === 'partial' ? 0.5 : 0;
  const strong = criteria.filter((item) => item.kind === 'strong');
  const flags = criteria.filter((item) => item.kind === 'red-flag');
  const strongShare =
    strong.length === 0
      ? 0
      : strong.reduce((sum, item) => sum + weight(item.verdict), 0) / strong.length;
  const flagShare =
    flags.length === 0
      ? 0
      : flags.reduce((sum, item) => sum + weight(item.verdict), 0) / flags.length;
  const substantive = answers.filter((answer) => answer.prompt?.act !== 'closing-invite');
  const quality =
    substantive.length === 0
      ? 0
      : substantive.reduce((sum, answer) => sum + scoreAnswerSubstance(answer.analysis), 0) /
        (substantive.length * 5);
  const composite = 0.5 * strongShare + 0.5 * quality - 0.5 * flagShare;
  const level: RatingLevel =
    composite >= 0.5
      ? 'strong'
      : composite >= 0.33
        ? 'solid'
        : composite >= 0.15
          ? 'mixed'
          : 'not-yet';
  const observed = (items: readonly CriterionJudgement[]) =>
    items.filter((item) => item.verdict === 'observed');
  const reasons = [
    `Showed ${observed(strong).length} of ${strong.length} strong indicators, and ${strong.filter((item) => item.verdict === 'partial').length} more in part.`,
    observed(flags).length === 0
      ? `No red flag fully observed (${flags.filter((item) => item.verdict === 'partial').length} in part).`
      : `Red flags observed: ${observed(flags)
          .map((item) => item.label.toLowerCase())
          .join('; ')}.`,
    `Answers scored ${Math.round(quality * 100)}% on substance (length, reasons, trade-offs, concrete experience, failure and security thinking) over ${substantive.length} answers.`,
  ];
  return { level, label: ratingLabels[level], reasons };
}

function describeDelivery(
  answers: readonly Answer[],
  turns: readonly InterviewTurn[],
  timed: boolean,
): Delivery {
  const counts: Record<string, number> = {};
  let fillerTotal = 0;
  let words = 0;
  for (const answer of answers) {
    words += answer.analysis.words;
    for (const [filler, count] of answer.analysis.fillers) {
      counts[filler] = (counts[filler] ?? 0) + count;
      fillerTotal += count;
    }
  }
  const lengths = answers.map((answer) => answer.analysis.words);
  const spoken = answers.filter((answer) => answer.turn.durationSeconds > 0);
  const spokenSeconds = spoken.reduce((sum, answer) => sum + answer.turn.durationSeconds, 0);
  const spokenWords = spoken.reduce((sum, answer) => sum + answer.analysis.words, 0);
  const pauses = answers
    .filter((answer) => answer.prompt)
    .map((answer) => {
      const prompt = answer.prompt as InterviewTurn;
      return {
        turn: answer.turn.turn,
        pause: answer.turn.startedAtSeconds - (prompt.startedAtSeconds + prompt.durationSeconds),
      };
    })
    .filter((item) => item.pause > longPauseSeconds);
  const interviewerTurns = turns.filter((turn) => turn.speaker === 'interviewer');
  const interviewerWords = interviewerTurns.reduce(
    (sum, turn) => sum + listWords(turn.text).length,
    0,
  );
  const interviewerSeconds = interviewerTurns.reduce((sum, turn) => sum + turn.durationSeconds, 0);
  const talkRatio = timed
    ? spokenSeconds + interviewerSeconds === 0
      ? null
      : spokenSeconds / (spokenSeconds + interviewerSeconds)
    : words + interviewerWords === 0
      ? null
      : words / (words + interviewerWords);
  return {
    wordsPerMinute:
      timed && spokenSeconds > 0 ? Math.round((spokenWords / spokenSeconds) * 60) : null,
    fillerWords: {
      total: fillerTotal,
      perHundredWords: words === 0 ? 0 : Math.round((fillerTotal / words) * 1000) / 10,
      counts,
    },
    longPauses: timed
      ? {
          thresholdSeconds: longPauseSeconds,
          count: pauses.length,
          turns: pauses.map((item) => item.turn),
        }
      : null,
    talkRatio: talkRatio === null ? null : Math.round(talkRatio * 100) / 100,
    answerWords: {
      count: answers.length,
      mean: answers.length === 0 ? 0 : Math.round(words / answers.length),
      min: lengths.length === 0 ? 0 : Math.min(...lengths),
      max: lengths.length === 0 ? 0 : Math.max(...lengths),
    },
  };
}

function checkStar(answers: readonly Answer[], persona: Persona): StarCheck[] {
  const behavioralPhases = new Set(
    persona.phases.filter((phase) => phase.kind === 'behavioral').map((phase) => phase.id),
  );
  // A question put again after a too-short answer is judged on the answer
  // to the rephrase, the story the candidate actually told.
  return answers
    .filter((answer, index) => {
      if (answers[index + 1]?.prompt?.act === 'rephrase') return false;
      const asked = answer.prompt?.act === 'rephrase' ? answers[index - 1]?.prompt : answer.prompt;
      return (
        asked !== undefined &&
        asked.act !== 'rephrase' &&
        (behavioralPrompt.test(asked.text) ||
          (behavioralPhases.has(answer.turn.phase) && asked.act === 'question'))
      );
    })
    .map((answer) => {
      const has = (id: string) => answer.analysis.signals.has(id);
      const parts = {
        situation: has('star-situation'),
        task: has('star-task'),
        action: has('star-action'),
        result: has('star-result'),
      };
      const measurable = has('metrics');
      const missing = [
        ...Object.entries(parts)
          .filter(([, present]) => !present)
          .map(([part]) => part),
        ...(measurable ? [] : ['a measurable outcome']),
      ];
      return { turn: answer.turn.turn, ...parts, measurable, missing };
    });
}

function phaseNotes(
  persona: Persona,
  answers: readonly Answer[],
  turns: readonly InterviewTurn[],
): Evaluation['phases'] {
  return persona.phases
    .map((phase) => {
      const inPhase = answers.filter((answer) => answer.turn.phase === phase.id);
      if (inPhase.length === 0) return undefined;
      const notes: string[] = [];
      const mean = Math.round(
        inPhase.reduce((sum, answer) => sum + answer.analysis.words, 0) / inPhase.length,
      );
      notes.push(
        `${inPhase.length} answer${inPhase.length === 1 ? '' : 's'}, ${mean} words on average.`,
      );
      const shown = new Map<string, string>();
      for (const answer of inPhase) {
        for (const hit of answer.analysis.signals.values()) {
          if (hit.signal.polarity === 'positive' && !hit.signal.id.startsWith('star-'))
            shown.set(hit.signal.id, hit.signal.label);
        }
      }
      if (shown.size > 0) notes.push(`Showed: ${[...shown.values()].slice(0, 6).join(', ')}.`);
      const acts = turns.filter(
        (turn) => turn.phase === phase.id && turn.speaker === 'interviewer',
      );
      const count = (act: string) => acts.filter((turn) => turn.act === act).length;
      if (count('follow-up') > 0)
        notes.push(
          `${count('follow-up')} follow-up${count('follow-up') === 1 ? '' : 's'} on what you raised.`,
        );
      if (count('probe') > 0)
        notes.push(
          `Needed ${count('probe')} probe${count('probe') === 1 ? '' : 's'} for reasons or trade-offs.`,
        );
      if (count('security-probe') > 0)
        notes.push('Security came up only when the interviewer asked.');
      if (count('rephrase') > 0)
        notes.push(
          `${count('rephrase')} answer${count('rephrase') === 1 ? ' was' : 's were'} too short and the question was put again.`,
        );
      const negatives = new Set(
        inPhase.flatMap((answer) =>
          [...answer.analysis.signals.values()]
            .filter((hit) => hit.signal.polarity === 'negative')
            .map((hit) => hit.signal.label),
        ),
      );
      if (negatives.size > 0) notes.push(`Watch: ${[...negatives].join(', ')}.`);
      return { phase: phase.id, title: phase.title, notes };
    })
    .filter((item): item is Evaluation['phases'][number] => item !== undefined);
}

const securityTitle = 'Raise security before you are asked';

function strongerFrom(points: readonly string[]): string {
  return points.slice(0, 3).join(' ');
}

function improve(
  answers: readonly Answer[],
  star: readonly StarCheck[],
  delivery: Delivery,
  criteria: readonly CriterionJudgement[],
  references: ReferenceFinder | undefined,
  persona: Persona,
  vocabulary: InterviewVocabulary,
): Improvement[] {
  const { signals, negativeAdvice } = vocabulary;
  const improvements: Improvement[] = [];
  // Technical personas draw stronger answers from technology, topic and
  // design questions; the others from the behavioral competencies.
  const technical = persona.phases.some(
    (phase) => phase.kind === 'design' || phase.kind === 'deep-dive',
  );
  const kinds: ReferenceKind[] = technical ? ['technical', 'design'] : ['behavioral'];
  const reference = (question: string | undefined, require?: RegExp) =>
    question && references
      ? references.find(question, require ? { require, kinds } : { kinds })
      : undefined;

  function showMore(criterion: CriterionJudgement): Improvement {
    // Criterion labels are short: only a close match is worth quoting.
    const found = references?.find(criterion.label, { minScore: 0.35, kinds });
    return {
      title: `Show this more: ${criterion.label.charAt(0).toLowerCase()}${criterion.label.slice(1)}`,
      turn: criterion.evidence[0]?.turn ?? null,
      why: `${criterion.reason} This interviewer counts it as a strong sign.`,
      stronger: found
        ? `Work it into your next answer where it fits. A good answer on it covers: ${strongerFrom(found.points)}`
        : 'Work it into your next answer where it fits: say it in one sentence, then back it with an example from your own work, with a number.',
      sources: found ? [found.id] : [],
    };
  }

  function goDeeper(answer: Answer): Improvement {
    // The question and the answer together say what the topic was.
    const found = reference(`${answer.prompt?.text ?? ''} ${answer.turn.text}`);
    const has = (id: string) => answer.analysis.signals.has(id);
    const missing = (
      technical
        ? [
            has('trade-offs') ? undefined : 'the trade-off you accepted',
            has('reasoning') ? undefined : 'why you chose it',
            has('metrics') || has('real-experience')
              ? undefined
              : 'a concrete example with a number',
            has('failure-modes') ? undefined : 'what happens when it fails',
          ]
        : [
            has('real-experience') || has('star-situation')
              ? undefined
              : 'a real example from your own work',
            has('reasoning') ? undefined : 'why it mattered',
            has('metrics') ? undefined : 'a result with a number',
            has('learning') ? undefined : 'what you learned',
          ]
    ).filter((item): item is string => item !== undefined);
    return {
      title: 'Go deeper',
      turn: answer.turn.turn,
      why:
        answer.analysis.words < 15
          ? `The answer had ${answer.analysis.words} words; the question needed your reasoning.`
          : `The answer left out ${missing.slice(0, 3).join(', ') || 'the reasoning behind it'}.`,
      stronger: found
        ? `Cover these points: ${strongerFrom(found.points)}`
        : technical
          ? `Say what you would do and why, what it gives up next to the alternative you rejected, and back it with one example from your own work${missing.length > 0 ? `; this time add ${missing.slice(0, 2).join(' and ')}` : ''}.`
          : `Answer with one real situation: what was at stake, what you did yourself, how it turned out in numbers, and what you would repeat or change${missing.length > 0 ? `; this time add ${missing.slice(0, 2).join(' and ')}` : ''}.`,
      sources: found ? [found.id] : [],
    };
  }

  const securityFlag = criteria.find(
    (item) =>
      item.kind === 'red-flag' && /security/i.test(item.label) && item.verdict !== 'not-observed',
  );
  const securityAnswer = answers.find((answer) => answer.prompt?.act === 'security-probe');
  // The reply to the probe, and to its rephrase when the first reply was too short.
  const securityReplies = answers.filter(
    (answer, index) =>
      answer === securityAnswer ||
      (answers[index - 1] === securityAnswer && answer.prompt?.act === 'rephrase'),
  );
  const answeredWhenAsked = securityReplies.some((answer) =>
    answer.analysis.signals.has('security'),
  );
  // Only for personas that treat security as part of the job: a security
  // criterion (by its wording or by the signal that judges it: "Treats all
  // user-controlled content as untrusted"), or a design phase where the
  // probe asks about attacks.
  const securityMatters =
    persona.criteria.some(
      (item) =>
        /secur/i.test(item.label) ||
        findCriterionSignals(item, signals).some((signal) => signal.id === 'security'),
    ) || persona.phases.some((phase) => phase.kind === 'design');
  if (securityMatters && (securityFlag || securityAnswer)) {
    const securityTopic =
      /secur|authori[sz]|authenticat|inject|password|owasp|permission|access control|secret|token/i;
    const found = [securityAnswer?.prompt?.text, ...persona.security.always]
      .map((question) => reference(question, securityTopic))
      .find((item) => item !== undefined);
    improvements.push({
      title: securityTitle,
      turn: securityAnswer?.turn.turn ?? null,
      why: !securityAnswer
        ? 'No answer touched security, and this interviewer treats it as essential.'
        : answeredWhenAsked
          ? 'Security came up only when the interviewer asked for it.'
          : 'Security did not come up, even when the interviewer asked for it.',
      stronger: found
        ? `In each design, name who may do what and how you check it, then go deeper: ${strongerFrom(found.points)}`
        : `In each design, name who may do what and how it is checked, how secrets are kept, and what input you refuse. ${persona.security.always[0] ?? ''}`.trim(),
      sources: found ? [found.id] : [],
    });
  }

  // Answers the interviewer had to probe for reasons or trade-offs come first.
  const probed = answers.filter(
    (answer, index) =>
      answers[index + 1]?.prompt?.act === 'probe' && answer.prompt?.act === 'question',
  );
  const thin = [...answers]
    .filter((answer) => answer.prompt?.act === 'question')
    .sort(
      (a, b) =>
        scoreAnswerSubstance(a.analysis) - scoreAnswerSubstance(b.analysis) ||
        a.turn.turn - b.turn.turn,
    );
  for (const answer of [...probed, ...thin]) {
    if (improvements.length >= 3) break;
    if (improvements.some((item) => item.turn === answer.turn.turn)) continue;
    if (scoreAnswerSubstance(answer.analysis) >= 4) continue;
    improvements.push(goDeeper(answer));
    break;
  }

  // A story already given an improvement is not given a second one.
  const weakStory = star.find(
    (check) => check.missing.length > 0 && !improvements.some((item) => item.turn === check.turn),
  );
  if (weakStory && improvements.length < 3) {
    const answer = answers.find((item) => item.turn.turn === weakStory.turn);
    const found =
      answer?.prompt?.text && references
        ? references.find(answer.prompt.text, { kinds: ['behavioral'] })
        : undefined;
    improvements.push({
      title: 'Tell stories in STAR form, ending with a number',
      turn: weakStory.turn,
      why: `The story on turn ${weakStory.turn} lacked ${weakStory.missing.join(', ')}.`,
      stronger: `Situation in one sentence, the task that was yours, what you did (say "I"), and the result with a figure: time saved, errors avoided, users affected.${found ? ` Interviewers listen for: ${strongerFrom(found.points)}` : ''}`,
      sources: found ? [found.id] : [],
    });
  }

  // The answer with the most serious negative signal: a red flag of this
  // persona first, vagueness last.
  const flagged = new Set(
    criteria
      .filter((item) => item.kind === 'red-flag' && item.verdict !== 'not-observed')
      .flatMap((item) => findCriterionSignals(item, signals).map((signal) => signal.id)),
  );
  const negatives = answers.flatMap((answer) =>
    [...answer.analysis.signals.values()]
      .filter((hit) => hit.signal.polarity === 'negative')
      .map((hit) => ({
        answer,
        hit,
        rank: flagged.has(hit.signal.id) ? 0 : hit.signal.id === 'vague' ? 2 : 1,
      })),
  );
  negatives.sort((a, b) => a.rank - b.rank || a.answer.turn.turn - b.answer.turn.turn);
  const worst = negatives[0];
  if (worst && improvements.length < 3) {
    improvements.push({
      title: `Avoid this: ${worst.hit.signal.label}`,
      turn: worst.answer.turn.turn,
      why: `“${quote(worst.hit.sentences[0] ?? worst.answer.turn.text)}” reads as ${worst.hit.signal.label} to this interviewer.`,
      stronger: negativeAdvice[worst.hit.signal.id] ?? negativeAdvice.default ?? '',
      sources: [],
    });
  }

  // A strong indicator the candidate did not show, or showed once (security
  // ones not again when security already has its improvement).
  const raisedSecurity = improvements.some((item) => item.title === securityTitle);
  const missed = criteria
    .filter((item) => item.kind === 'strong' && item.verdict !== 'observed')
    .filter(
      (item) =>
        !(
          raisedSecurity &&
          findCriterionSignals(item, signals).some((signal) => signal.id === 'security')
        ),
    )
    .sort(
      (a, b) => (a.verdict === 'not-observed' ? 0 : 1) - (b.verdict === 'not-observed' ? 0 : 1),
    );
  const first = missed[0];
  if (first && improvements.length < 3) improvements.push(showMore(first));

  if (delivery.fillerWords.perHundredWords >= 3 && improvements.length < 3) {
    const top = Object.entries(delivery.fillerWords.counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([filler]) => `"${filler}"`);
    improvements.push({
      title: 'Cut the filler words',
      turn: null,
      why: `${delivery.fillerWords.perHundredWords} filler words per hundred words (${top.join(', ')}).`,
      stronger: 'Pause silently instead of filling the gap; start with the point, then the reason.',
      sources: [],
    });
  }
  // Still room: more strong indicators to show, then answers that left
  // something out.
  for (const criterion of missed.slice(1)) {
    if (improvements.length >= 3) break;
    improvements.push(showMore(criterion));
  }
  for (const answer of thin) {
    if (improvements.length >= 3) break;
    if (improvements.some((item) => item.turn === answer.turn.turn)) continue;
    if (scoreAnswerSubstance(answer.analysis) >= 5) continue;
    improvements.push(goDeeper(answer));
  }
  return improvements.slice(0, 3);
}

/**
 * Judges a finished (or ended) interview: every persona criterion with
 * evidence quotes and turn numbers, notes per phase, a rating on four steps
 * with its reasons, the three most useful improvements with a stronger way
 * to say each, delivery figures, and a STAR check of behavioral answers.
 *
 * @example
 * const evaluation = evaluateInterview({ persona, turns: director.turns, vocabulary, knowledge, clock: 'simulated' });
 * evaluation.rating.level; // 'strong' | 'solid' | 'mixed' | 'not-yet'
 */
export function evaluateInterview(input: EvaluateInterviewInput): Evaluation {
  const { persona, turns, vocabulary } = input;
  const analyzer = input.analyzer ?? createAnswerAnalyzer(vocabulary);
  const references =
    input.references ?? (input.knowledge ? createReferenceFinder(input.knowledge) : undefined);
  const answers: Answer[] = [];
  let prompt: InterviewTurn | undefined;
  for (const turn of turns) {
    if (turn.speaker === 'interviewer') {
      prompt = turn;
      continue;
    }
    answers.push({ turn, prompt, analysis: analyzer.analyze(turn.text) });
  }
  // The closing is the candidate's questions: not judged against the criteria.
  const judged = answers.filter(
    (answer) => answer.prompt?.act !== 'closing-invite' && answer.prompt?.act !== 'closing-answer',
  );
  const criteria = persona.criteria.map((criterion) =>
    judgeCriterion(criterion, judged, vocabulary.signals),
  );
  const delivery = describeDelivery(answers, turns, input.clock === 'real');
  const star = checkStar(judged, persona);
  return {
    criteria,
    rating: rate(criteria, judged),
    phases: phaseNotes(persona, answers, turns),
    improvements: improve(judged, star, delivery, criteria, references, persona, vocabulary),
    delivery,
    star,
  };
}
