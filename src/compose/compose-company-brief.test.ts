import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource } from '../domain/index.js';
import {
  createExtractContext,
  type ExtractContext,
  extractCompanyProfile,
  extractJobProfile,
} from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { renderMarkdown } from '../render/index.js';
import { findPackageRoot } from '../support/index.js';
import { composeCompanyBrief } from './compose-company-brief.js';

let context: ExtractContext;
let knowledge: KnowledgeBase;
beforeAll(() => {
  context = createExtractContext();
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
});
const read = (path: string) =>
  createSource('markdown', path, readFileSync(join(findPackageRoot(), path), 'utf8'));

describe('composeCompanyBrief', () => {
  it('has the sections of a company brief, with facts from the notes cited to their lines', () => {
    const notes = read('fixtures/demo/company-notes.md');
    const brief = composeCompanyBrief({
      job: extractJobProfile(read('fixtures/demo/posting.md'), context),
      company: extractCompanyProfile(notes, context),
      knowledge,
    });
    expect(brief.sections.map((section) => section.title)).toEqual([
      'Company overview',
      'Mission and values',
      'Recent news or changes',
      'Role context and product involvement',
      'Likely interview topics',
      'Suggested questions to ask',
      'Research checklist',
    ]);
    const founded = brief.sections[0]?.items.find((item) => item.label === 'Founded');
    expect(founded?.text).toBe('2018');
    const line = founded?.sources[0];
    expect(line?.kind).toBe('company-notes');
    if (line?.kind === 'company-notes') expect(notes.lines[line.line - 1]?.text).toMatch(/2018/);
    expect(renderMarkdown(brief)).toMatch(/gross-to-net/);
  });

  it('without notes, marks what it infers from the posting and lists what to research', () => {
    const brief = composeCompanyBrief({
      job: extractJobProfile(read('fixtures/postings/a-go-payments-senior.md'), context),
      knowledge,
    });
    const markdown = renderMarkdown(brief);
    expect(markdown).toContain('**Industry (inferred):** Payments');
    expect(markdown).toMatch(/\(inferred\):\*\* from how the posting describes the work/);
    const checklist = brief.sections.at(-1)?.items ?? [];
    expect(checklist.length).toBeGreaterThanOrEqual(4);
    expect(checklist.every((item) => item.checkbox)).toBe(true);
    expect(markdown).toContain('- [ ] Find when the company was founded.');
  });

  it('works from notes alone, without a posting', () => {
    const brief = composeCompanyBrief({
      company: extractCompanyProfile(read('fixtures/demo/company-notes.md'), context),
      knowledge,
    });
    expect(brief.title).toBe('Company brief: Tidewater Payroll');
    expect(renderMarkdown(brief)).toContain('Add the job posting (--job)');
  });
});
