import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Evaluation, InterviewTurn, Persona } from '../domain/index.js';
import { PrepkitError } from '../domain/index.js';
import {
  createExtractContext,
  extractCandidateProfile,
  extractCompanyProfile,
} from '../extract/index.js';
import { readFile } from '../ingest/index.js';
import {
  createDirector,
  type Director,
  evaluateInterview,
  listPersonas,
  loadInterviewVocabulary,
  loadPersona,
  parseInterviewScript,
  runScriptedInterview,
} from '../interview/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderInterviewMarkdown, renderInterviewReport } from '../render/index.js';
import { exitCodes } from './exit-codes.js';
import { readLocation } from './read-location.js';
import type { CliIo } from './run-cli.js';

/** The flags of `prepkit interview`. */
export interface InterviewFlags {
  persona?: string | undefined;
  job?: string | undefined;
  resume?: string | undefined;
  company?: string | undefined;
  script?: string | undefined;
  json: boolean;
  out?: string | undefined;
  allowPrivateUrls: boolean;
}

/** `prepkit personas`: the built-in interviewer personas. */
export async function runPersonas(flags: { json: boolean }, io: CliIo): Promise<number> {
  const knowledge = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] }).knowledge;
  const personas = listPersonas(knowledge);
  if (flags.json) {
    io.stdout(JSON.stringify(personas, null, 2));
    return exitCodes.ok;
  }
  for (const persona of personas) {
    const minutes = persona.totalMinutes
      ? ` (${persona.totalMinutes.min}–${persona.totalMinutes.max} min)`
      : '';
    io.stdout(`${persona.id.padEnd(22)} ${persona.title}${minutes}`);
    io.stdout(`${''.padEnd(22)} ${persona.phases.join(' → ')}`);
  }
  io.stdout('');
  io.stdout(
    'Use one with `prepkit interview --persona <id>`, or give the path of your own persona file.',
  );
  return exitCodes.ok;
}

async function readSubject(flags: InterviewFlags, knowledge: KnowledgeBase) {
  const read = (location: string) => readLocation(location, flags.allowPrivateUrls);
  const [job, resume, company] = await Promise.all([
    flags.job ? read(flags.job) : undefined,
    flags.resume ? readFile(flags.resume) : undefined,
    flags.company ? read(flags.company) : undefined,
  ]);
  const context = createExtractContext(knowledge);
  if (job) {
    const analysis = analyzeApplication({ job, resume, company }, context);
    return { job: analysis.job, candidate: analysis.candidate, company: analysis.company };
  }
  return {
    job: undefined,
    candidate: resume ? extractCandidateProfile(resume, context) : undefined,
    company: company ? extractCompanyProfile(company, context) : undefined,
  };
}

function defaultOutPath(persona: Persona, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `prepkit-interview-${persona.id}-${stamp}.md`;
}

/**
 * `prepkit interview`: a mock interview with a persona. With `--script`, the
 * candidate's answers come from a file and the run needs no terminal (the
 * clock is simulated at 150 words a minute); otherwise it is interactive in
 * the terminal with a real clock. The transcript is saved as Markdown after
 * every turn, and the report is added at the end.
 */
export async function runInterview(
  flags: InterviewFlags,
  io: CliIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  if (!flags.persona) {
    throw new PrepkitError(
      'INVALID_INPUT',
      'interview needs --persona <id|file>: run `prepkit personas` to see the built-in ones',
    );
  }
  const knowledge = loadKnowledgeBase({ extraFolders: [io.env.PREPKIT_KNOWLEDGE] }).knowledge;
  const { persona } = await loadPersona(flags.persona, knowledge);
  const script = flags.script
    ? parseInterviewScript((await readFile(flags.script)).text)
    : undefined;
  const subject = await readSubject(flags, knowledge);
  const vocabulary = loadInterviewVocabulary();
  const clock = script ? 'simulated' : 'real';
  const director = createDirector({ persona, vocabulary, knowledge, clock, ...subject });
  const startedAt = now();
  const phaseTitles = new Map(persona.phases.map((phase) => [phase.id, phase.title]));
  const outPath = flags.out ?? (script ? undefined : defaultOutPath(persona, startedAt));
  const save = async (evaluation?: Evaluation) => {
    if (!outPath) return;
    await writeFile(
      outPath,
      renderInterviewMarkdown({
        personaTitle: persona.title,
        phaseTitles,
        turns: director.turns,
        evaluation,
        date: startedAt.toISOString().slice(0, 16).replace('T', ' '),
      }),
    );
  };

  if (script) {
    runScriptedInterview(director, script);
  } else {
    await runInteractive(director, io, save, startedAt, now);
  }
  const evaluation = evaluateInterview({
    persona,
    turns: director.turns,
    vocabulary,
    knowledge,
    clock,
  });
  await save(evaluation);
  if (flags.json) {
    io.stdout(
      JSON.stringify(
        {
          persona: { id: persona.id, title: persona.title },
          transcript: director.turns,
          evaluation,
        },
        null,
        2,
      ),
    );
  } else if (script) {
    io.stdout(
      renderInterviewMarkdown({
        personaTitle: persona.title,
        phaseTitles,
        turns: director.turns,
        evaluation,
      }).trimEnd(),
    );
  } else {
    io.stdout('');
    io.stdout(renderInterviewReport(evaluation));
  }
  if (outPath) io.stderr(`prepkit: transcript and report saved to ${outPath}`);
  return exitCodes.ok;
}

const help =
  'Answer in as many lines as you like and end with an empty line. /time shows the clock, /end stops.';

/**
 * Typing speed assumed for an answer's first line (about 40 words a minute):
 * the terminal hands over a line only when it is finished, so the answer
 * began that long before the line arrived, not when it arrived.
 */
const typedCharactersPerSecond = 200 / 60;

async function runInteractive(
  director: Director,
  io: CliIo,
  save: () => Promise<void>,
  startedAt: Date,
  now: () => Date,
): Promise<void> {
  if (!io.stdin) {
    throw new PrepkitError(
      'INVALID_INPUT',
      'interview needs a terminal, or --script <file> with the answers separated by lines of ---',
    );
  }
  const seconds = () => (now().getTime() - startedAt.getTime()) / 1000;
  const show = (turns: readonly InterviewTurn[]) => {
    for (const turn of turns) {
      if (turn.speaker === 'interviewer') io.stdout(`\nInterviewer: ${turn.text}\n`);
    }
  };
  io.stdout(help);
  show(director.start());
  await save();
  const lines = createInterface({ input: io.stdin, terminal: false });
  let answer: string[] = [];
  let askedAt = seconds();
  let answerBegan: number | undefined;
  const submit = () => {
    const end = seconds();
    const begin = answerBegan ?? end;
    const turns = director.answer(
      { text: answer.join('\n'), pauseSeconds: begin - askedAt, durationSeconds: end - begin },
      end,
    );
    answer = [];
    answerBegan = undefined;
    return turns;
  };
  try {
    for await (const line of lines) {
      const command = line.trim().toLowerCase();
      if (answer.length === 0 && command === '/time') {
        const status = director.status();
        io.stdout(
          `${status.phase.title} (${status.phase.index + 1} of ${status.phase.count}); ${Math.max(0, Math.round(status.phaseRemainingSeconds / 60))} min left in this part, ${Math.max(0, Math.round(status.totalRemainingSeconds / 60))} min in all.`,
        );
        continue;
      }
      if (answer.length === 0 && command === '/end') break;
      if (line.trim() !== '') {
        answerBegan ??= Math.max(askedAt, seconds() - line.length / typedCharactersPerSecond);
        answer.push(line);
        continue;
      }
      if (answer.length === 0) continue;
      show(submit());
      await save();
      askedAt = seconds();
      if (director.status().finished) break;
    }
  } finally {
    lines.close();
  }
  if (answer.length > 0 && !director.status().finished) show(submit());
  show(director.end(seconds()));
}
