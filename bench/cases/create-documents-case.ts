import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  composeCompanyBrief,
  composePrepPack,
  composeStageNotes,
  createPrepPackInput,
} from '../../src/compose/index.js';
import { type Source, stageKinds } from '../../src/domain/index.js';
import { createExtractContext, type ExtractContext } from '../../src/extract/index.js';
import { readFile } from '../../src/ingest/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/index.js';
import { analyzeApplication } from '../../src/match/index.js';
import { renderMarkdown } from '../../src/render/index.js';
import { findPackageRoot } from '../../src/support/index.js';
import type { BenchCase, RunSample } from '../harness.js';
import { createChildEnvironment } from '../support/create-child-environment.js';

/**
 * `documents`: the offline writer. In process: the prep pack (analysis,
 * composition and Markdown) over every posting × resume pair of the Markdown
 * fixtures, then the brief and the notes of every stage kind. Whole process:
 * `prepkit pack` on the demo files, beside `node -e 0` (target: under 3×).
 */
export function createDocumentsCase(): BenchCase {
  const root = findPackageRoot();
  let context: ExtractContext | undefined;
  let knowledge: KnowledgeBase | undefined;
  let pairs: Array<{ job: Source; resume: Source }> = [];
  const today = new Date('2026-11-22T00:00:00Z');

  const inProcess =
    (work: (pair: { job: Source; resume: Source }) => number) => (): Promise<RunSample> => {
      const durations: number[] = [];
      const started = performance.now();
      let operations = 0;
      for (const pair of pairs) {
        const start = performance.now();
        operations += work(pair);
        durations.push(performance.now() - start);
      }
      return Promise.resolve({
        durationsMs: durations,
        operations,
        elapsedMs: performance.now() - started,
      });
    };
  const inputOf = (pair: { job: Source; resume: Source }) => {
    if (!context || !knowledge) throw new Error('setup did not run');
    return createPrepPackInput(analyzeApplication(pair, context, { today }), knowledge, { today });
  };
  const spawnTimed = (args: string[]): Promise<RunSample> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, args, {
        cwd: root,
        env: createChildEnvironment(),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => {
        const elapsedMs = performance.now() - started;
        if (code !== 0) reject(new Error(`exit ${code}: ${stderr}`));
        else resolve({ durationsMs: [elapsedMs], operations: 1, elapsedMs });
      });
    });
  const demo = (file: string) => join(root, 'fixtures', 'demo', file);

  return {
    name: 'documents',
    throughputUnit: 'ops/s',
    runs: 5,
    warmupRuns: 1,
    notes: [
      'in-process variants: one operation = one posting × resume pair (16 pairs of the Markdown fixtures); the pack includes analysis and Markdown rendering.',
      'whole process: spawn to exit of `node bin/prepkit.js pack` on the demo posting, resume and notes, output discarded; the baseline is `node -e 0` here too.',
    ],
    async setup() {
      context = createExtractContext();
      knowledge = loadKnowledgeBase().knowledge;
      const postings = readdirSync(join(root, 'fixtures', 'postings'))
        .filter((name) => name.endsWith('.md'))
        .sort();
      const resumes = readdirSync(join(root, 'fixtures', 'resumes'))
        .filter((name) => name.endsWith('.md'))
        .sort();
      pairs = await Promise.all(
        postings.map(async (name, index) => ({
          job: await readFile(join(root, 'fixtures', 'postings', name)),
          resume: await readFile(
            join(root, 'fixtures', 'resumes', resumes[index % resumes.length] as string),
          ),
        })),
      );
    },
    baseline: { name: 'node -e 0', measure: () => spawnTimed(['-e', '0']) },
    variants: [
      {
        name: 'in process: prep pack per pair',
        inProcess: true,
        measure: inProcess((pair) =>
          renderMarkdown(composePrepPack(inputOf(pair))).length > 0 ? 1 : 0,
        ),
      },
      {
        name: 'in process: brief + notes for 6 stages per pair',
        inProcess: true,
        measure: inProcess((pair) => {
          const input = inputOf(pair);
          renderMarkdown(composeCompanyBrief({ job: input.job, knowledge: input.knowledge }));
          for (const stage of stageKinds) renderMarkdown(composeStageNotes({ ...input, stage }));
          return 1;
        }),
      },
      {
        name: 'whole process: prepkit pack (demo)',
        measure: () =>
          spawnTimed([
            'bin/prepkit.js',
            'pack',
            '--job',
            demo('posting.md'),
            '--resume',
            demo('resume.md'),
            '--company',
            demo('company-notes.md'),
          ]),
      },
    ],
  };
}
