import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type KnowledgeBase,
  knowledgeFolder,
  loadKnowledgeBase,
} from '../../src/knowledge/index.js';
import type { BenchCase, RunSample } from '../harness.js';

/**
 * `knowledge base`: a cold load of the whole knowledge base (read, validate,
 * index, including the taxonomy), and a lookup of the questions for ten
 * technologies at one level. Baseline: parsing the same JSON without
 * validating, to show what validation and indexing add.
 */
export function createKnowledgeCase(): BenchCase {
  let knowledge: KnowledgeBase | undefined;
  const technologies = [
    'go',
    'python',
    'postgresql',
    'redis',
    'kafka',
    'docker',
    'kubernetes',
    'aws',
    'react',
    'graphql',
  ];
  const timed = (work: () => number): Promise<RunSample> => {
    const started = performance.now();
    const operations = work();
    const elapsedMs = performance.now() - started;
    return Promise.resolve({ durationsMs: [elapsedMs / operations], operations, elapsedMs });
  };
  return {
    name: 'knowledge base',
    throughputUnit: 'ops/s',
    runs: 10,
    warmupRuns: 2,
    notes: [
      'one load = the compiled knowledge base (dist/knowledge.json, written by the build) read and indexed, or the sources when it is missing; one lookup = the mid-level questions of ten technologies (go, python, postgresql, redis, kafka, docker, kubernetes, aws, react, graphql), 1,000 lookups per run.',
    ],
    async setup() {
      knowledge = loadKnowledgeBase().knowledge;
    },
    baseline: {
      name: 'read and JSON.parse the same files, no validation',
      inProcess: true,
      measure: () =>
        timed(() => {
          for (const file of listJsonFiles(knowledgeFolder()))
            JSON.parse(readFileSync(file, 'utf8'));
          return 1;
        }),
    },
    variants: [
      {
        name: 'cold load of the whole knowledge base',
        inProcess: true,
        measure: () =>
          timed(() => {
            const { problems } = loadKnowledgeBase();
            if (problems.length > 0) throw new Error(`knowledge problems: ${problems[0]}`);
            return 1;
          }),
      },
      {
        name: 'questions for ten technologies at one level',
        inProcess: true,
        measure: () =>
          timed(() => {
            if (!knowledge) throw new Error('setup did not run');
            let found = 0;
            for (let round = 0; round < 1000; round++) {
              for (const id of technologies) {
                found +=
                  knowledge.technologies
                    .get(id)
                    ?.questions.filter((question) => question.level === 'mid').length ?? 0;
              }
            }
            return found >= 0 ? 1000 : 1;
          }),
      },
    ],
  };
}

function listJsonFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listJsonFiles(join(folder, entry.name))
      : entry.name.endsWith('.json')
        ? [join(folder, entry.name)]
        : [],
  );
}
