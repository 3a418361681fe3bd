import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../domain/index.js';
import { createExtractContext, type ExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderMarkdown } from '../render/index.js';
import { findPackageRoot } from '../support/index.js';
import { composeCompanyBrief } from './compose-company-brief.js';
import { composePrepPack } from './compose-prep-pack.js';
import { createPrepPackInput } from './prep-pack-input.js';

// Inputs rebuilt from the reference prep pack (000) and company brief (002):
// the documents prepkit writes from them must cover what those documents cover.
const folder = join(findPackageRoot(), 'fixtures', 'examples');
const read = (file: string) =>
  createSource('markdown', file, readFileSync(join(folder, file), 'utf8'));
const today = new Date('2026-11-22T00:00:00Z');
let context: ExtractContext;
let knowledge: KnowledgeBase;

beforeAll(() => {
  context = createExtractContext();
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
});

/** Topics the reference prep pack covers, each as words that show it. */
const packTopics: Array<[string, RegExp[]]> = [
  ['language and framework internals', [/GenServer|supervis|OTP/i, /Phoenix/]],
  ['ORM and database tuning', [/Ecto/, /index|query plan|EXPLAIN|N\+1/i]],
  ['API idempotency and versioning', [/idempoten/i, /version/i]],
  ['CI/CD and rollback', [/GitLab CI|pipeline/i, /roll ?back|blue\/green|canary/i]],
  ['system design in the domain', [/payroll|employer of record|per-country/i]],
  ['async, remote culture', [/async|written/i]],
  ['the gap in the main language', [/Elixir/]],
  ['STAR stories from the resume', [/Situation/, /Result/]],
];

/** Topics the reference company brief covers. */
const briefTopics: Array<[string, RegExp[]]> = [
  ['async Python web framework', [/FastAPI/]],
  ['relational schema and caching', [/PostgreSQL/, /Redis|cach/i]],
  ['containers and orchestration', [/Docker/, /Kubernetes/]],
  ['testing', [/pytest|test/i]],
  ['behavioral topics', [/## Likely interview topics[\s\S]*Behavioral/]],
  ['questions to ask', [/## Suggested questions to ask\n\n- /]],
  ['what is unknown is a checklist', [/- \[ \] /]],
];

describe.skipIf(!existsSync(folder))(
  'documents for inputs rebuilt from the reference examples',
  () => {
    it('the prep pack for 000 has all sections and covers the reference pack’s topics', () => {
      const analysis = analyzeApplication(
        {
          job: read('000-posting.md'),
          resume: read('000-resume.md'),
          company: read('000-company-notes.md'),
        },
        context,
        { today },
      );
      const markdown = renderMarkdown(
        composePrepPack(createPrepPackInput(analysis, knowledge, { today })),
      );
      expect(markdown.match(/^## /gm)).toHaveLength(13);
      const missing = packTopics.filter(
        ([, patterns]) => !patterns.every((pattern) => pattern.test(markdown)),
      );
      expect(missing.map(([topic]) => topic)).toEqual([]);
    });

    it('the company brief for 002 covers the reference brief’s topics, with inferred facts marked', () => {
      const analysis = analyzeApplication(
        { job: read('002-posting.md'), company: read('002-company-notes.md') },
        context,
      );
      const markdown = renderMarkdown(
        composeCompanyBrief({ job: analysis.job, company: analysis.company, knowledge }),
      );
      expect(markdown).toContain('(inferred)');
      const missing = briefTopics.filter(
        ([, patterns]) => !patterns.every((pattern) => pattern.test(markdown)),
      );
      expect(missing.map(([topic]) => topic)).toEqual([]);
    });
  },
);
