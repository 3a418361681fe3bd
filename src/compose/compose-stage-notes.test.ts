import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSource, stageKinds } from '../domain/index.js';
import { createExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderMarkdown } from '../render/index.js';
import { findPackageRoot } from '../support/index.js';
import { composeStageNotes } from './compose-stage-notes.js';
import type { PrepPackInput } from './prep-pack-input.js';

let input: PrepPackInput;
let knowledge: KnowledgeBase;
const read = (path: string) =>
  createSource('markdown', path, readFileSync(join(findPackageRoot(), path), 'utf8'));

beforeAll(() => {
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
  const today = new Date('2026-11-22T00:00:00Z');
  const analysis = analyzeApplication(
    {
      job: read('fixtures/demo/posting.md'),
      resume: read('fixtures/demo/resume.md'),
      company: read('fixtures/demo/company-notes.md'),
    },
    createExtractContext(),
    { today },
  );
  if (!analysis.candidate || !analysis.fit) throw new Error('no candidate');
  input = {
    job: analysis.job,
    candidate: analysis.candidate,
    fit: analysis.fit,
    company: analysis.company,
    knowledge,
    today,
  };
});

describe('composeStageNotes', () => {
  it('writes notes for every stage kind, with checklists, ecosystem, ice breakers and numbered questions with Answer slots', () => {
    for (const stage of stageKinds) {
      const markdown = renderMarkdown(composeStageNotes({ ...input, stage }));
      expect(markdown, stage).toMatch(/^# .+ — Tidewater Payroll/);
      for (const heading of [
        '## Preparation checklist',
        '## What they do',
        '## Ecosystem',
        '## Ice breakers',
        '## Questions they may ask',
        '## Questions to ask them',
        '## Notes',
      ]) {
        expect(markdown, `${stage}: ${heading}`).toContain(heading);
      }
      expect(markdown, stage).toMatch(/^- \[ \] /m);
      expect(markdown, stage).toMatch(/^1\. .+\n {3}- Answer:$/m);
    }
  });

  it('asks what each round asks: logistics for the recruiter, the posting’s technologies for the technical round', () => {
    const recruiter = renderMarkdown(composeStageNotes({ ...input, stage: 'recruiter' }));
    expect(recruiter).toContain('What is your notice period');
    const technical = renderMarkdown(composeStageNotes({ ...input, stage: 'technical' }));
    expect(technical).toMatch(/^\d+\. \*\*Go:\*\*/m);
    const design = renderMarkdown(composeStageNotes({ ...input, stage: 'system-design' }));
    expect(design).toContain('Payroll engine with per-country rules');
  });

  it('turns the discrepancies of earlier rounds into questions to clarify, and links to them', () => {
    const earlier = createSource(
      'markdown',
      '1-recruiter.md',
      [
        '# Recruiter screen',
        '## Discrepancies',
        '- The recruiter said two office days a month; the posting says remote.',
      ].join('\n'),
    );
    const notes = renderMarkdown(
      composeStageNotes({
        ...input,
        stage: 'hiring-manager',
        interviewer: 'Engineering manager',
        previous: [{ name: '1-recruiter', source: earlier }],
      }),
    );
    expect(notes).toContain('**Earlier rounds:** [[1-recruiter]]');
    expect(notes).toContain(
      '- [ ] Clarify: The recruiter said two office days a month; the posting says remote. (from 1-recruiter, line 3)',
    );
    expect(notes).toContain('**Interviewer:** Engineering manager');
    expect(notes).toContain('[[prep-pack#STAR stories]]');
  });
});
