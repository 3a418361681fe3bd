import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InterviewTurn, Persona } from '../../src/domain/index.js';
import {
  type AnswerAnalyzer,
  createAnswerAnalyzer,
  createDirector,
  createReferenceFinder,
  evaluateInterview,
  type InterviewScript,
  type InterviewVocabulary,
  loadInterviewVocabulary,
  parseInterviewScript,
  parsePersona,
  type ReferenceFinder,
  replayDirector,
  runScriptedInterview,
} from '../../src/interview/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.js';
import { findPackageRoot } from '../../src/support/index.js';
import type { BenchCase, RunSample } from '../harness.js';

interface ScriptedRun {
  persona: Persona;
  script: InterviewScript;
  /** The turns of one full run, for the replay variant. */
  turns: InterviewTurn[];
}

/**
 * `interview`: the offline mock interviewer over the scripted candidates in
 * fixtures/interviews (a strong and a weak set per built-in persona). The
 * baseline is reading one answer (signals, fillers, stems) — the part every
 * turn must pay; a director turn adds the decision, and the server's turn
 * adds rebuilding the director by replaying the saved answers.
 */
export function createInterviewCase(): BenchCase {
  const root = findPackageRoot();
  let knowledge: KnowledgeBase | undefined;
  let vocabulary: InterviewVocabulary | undefined;
  let analyzer: AnswerAnalyzer | undefined;
  let references: ReferenceFinder | undefined;
  let runs: ScriptedRun[] = [];

  const ready = () => {
    if (!knowledge || !vocabulary || !analyzer || !references) throw new Error('setup did not run');
    return { knowledge, vocabulary, analyzer, references };
  };
  const timed = (work: (sample: number[]) => number) => (): Promise<RunSample> => {
    const durations: number[] = [];
    const started = performance.now();
    const operations = work(durations);
    return Promise.resolve({
      durationsMs: durations,
      operations,
      elapsedMs: performance.now() - started,
    });
  };
  const directorFor = (run: ScriptedRun) => {
    const { knowledge: base, vocabulary: words, analyzer: reader } = ready();
    return createDirector({
      persona: run.persona,
      vocabulary: words,
      knowledge: base,
      clock: 'simulated',
      analyzer: reader,
    });
  };

  return {
    name: 'interview',
    throughputUnit: 'turns/s',
    runs: 5,
    warmupRuns: 1,
    notes: [
      'one operation = one candidate answer, over the 10 scripted candidates of fixtures/interviews (5 personas × strong and weak).',
      'director turn: answer → interviewer reply in a live director; server turn: rebuild the director from the saved turns (as POST /api/interviews/:id/answers does), then answer.',
      'whole interview: a scripted run from opening to goodbye plus the evaluation; median and p95 are per interview, throughput in answers per second.',
    ],
    setup() {
      knowledge = loadKnowledgeBase().knowledge;
      vocabulary = loadInterviewVocabulary();
      analyzer = createAnswerAnalyzer(vocabulary);
      references = createReferenceFinder(knowledge);
      const folder = join(root, 'fixtures', 'interviews');
      runs = readdirSync(folder)
        .filter((name) => name.endsWith('.txt'))
        .sort()
        .map((name) => {
          const id = name.replace(/-(strong|weak)\.txt$/, '');
          const markdown = knowledge?.personas.get(id);
          if (!markdown) throw new Error(`no persona ${id} for ${name}`);
          const persona = parsePersona(markdown, id);
          const script = parseInterviewScript(readFileSync(join(folder, name), 'utf8'));
          const run: ScriptedRun = { persona, script, turns: [] };
          run.turns = runScriptedInterview(directorFor(run), script);
          return run;
        });
      return Promise.resolve();
    },
    baseline: {
      name: 'read one answer (signals, fillers, stems)',
      measure: timed((durations) => {
        const { analyzer: reader } = ready();
        for (const run of runs) {
          for (const turn of run.turns.filter((item) => item.speaker === 'candidate')) {
            const start = performance.now();
            reader.analyze(turn.text);
            durations.push(performance.now() - start);
          }
        }
        return durations.length;
      }),
    },
    variants: [
      {
        name: 'director turn (answer → reply)',
        inProcess: true,
        measure: timed((durations) => {
          for (const run of runs) {
            const director = directorFor(run);
            director.start();
            for (const turn of run.turns.filter((item) => item.speaker === 'candidate')) {
              if (director.status().finished) break;
              const start = performance.now();
              director.answer({ text: turn.text });
              durations.push(performance.now() - start);
            }
          }
          return durations.length;
        }),
      },
      {
        name: 'server turn (replay saved turns, then answer)',
        inProcess: true,
        measure: timed((durations) => {
          const { knowledge: base, vocabulary: words, analyzer: reader } = ready();
          for (const run of runs) {
            const candidateTurns = run.turns.filter((item) => item.speaker === 'candidate');
            for (const turn of candidateTurns) {
              const saved = run.turns.filter((item) => item.turn < turn.turn);
              const start = performance.now();
              const director = replayDirector(
                {
                  persona: run.persona,
                  vocabulary: words,
                  knowledge: base,
                  clock: 'simulated',
                  analyzer: reader,
                },
                saved,
              );
              if (!director.status().finished) director.answer({ text: turn.text });
              durations.push(performance.now() - start);
            }
          }
          return durations.length;
        }),
      },
      {
        name: 'whole interview with evaluation',
        inProcess: true,
        measure: timed((durations) => {
          const {
            knowledge: base,
            vocabulary: words,
            analyzer: reader,
            references: finder,
          } = ready();
          let answers = 0;
          for (const run of runs) {
            const start = performance.now();
            const turns = runScriptedInterview(directorFor(run), run.script);
            answers += turns.filter((turn) => turn.speaker === 'candidate').length;
            evaluateInterview({
              persona: run.persona,
              turns,
              vocabulary: words,
              knowledge: base,
              clock: 'simulated',
              analyzer: reader,
              references: finder,
            });
            durations.push(performance.now() - start);
          }
          return answers;
        }),
      },
    ],
  };
}
