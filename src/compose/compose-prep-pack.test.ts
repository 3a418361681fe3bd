import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ComposedDocument,
  createSource,
  type DocumentSection,
  type Source,
} from '../domain/index.js';
import { createExtractContext, type ExtractContext } from '../extract/index.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/index.js';
import { analyzeApplication } from '../match/index.js';
import { renderMarkdown } from '../render/index.js';
import { findPackageRoot } from '../support/index.js';
import { composePrepPack } from './compose-prep-pack.js';
import { findUnsupportedClaims } from './find-unsupported-claims.js';

const root = findPackageRoot();
const today = new Date('2026-11-22T00:00:00Z');
let context: ExtractContext;
let knowledge: KnowledgeBase;

beforeAll(() => {
  context = createExtractContext();
  knowledge = loadKnowledgeBase({ compiledPath: false }).knowledge;
});

const read = (path: string) =>
  createSource('markdown', path, readFileSync(join(root, path), 'utf8'));

function pack(
  job: Source,
  resume: Source,
  company?: Source,
  interviewDate?: string,
): ComposedDocument {
  const analysis = analyzeApplication({ job, resume, company }, context, { today });
  if (!analysis.candidate || !analysis.fit) throw new Error('no candidate');
  return composePrepPack({
    job: analysis.job,
    candidate: analysis.candidate,
    fit: analysis.fit,
    company: analysis.company,
    knowledge,
    interviewDate,
    today,
  });
}

const demoPack = () =>
  pack(
    read('fixtures/demo/posting.md'),
    read('fixtures/demo/resume.md'),
    read('fixtures/demo/company-notes.md'),
  );

function allSections(sections: readonly DocumentSection[]): DocumentSection[] {
  return sections.flatMap((section) => [section, ...allSections(section.subsections ?? [])]);
}

describe('composePrepPack', () => {
  it('has the thirteen sections of the specification, in order, none of them empty', () => {
    const document = demoPack();
    expect(document.title).toBe('Interview prep: Backend Engineer (Mid Level) — Tidewater Payroll');
    expect(document.sections.map((section) => section.title)).toEqual([
      'Job overview',
      'Why this job is a fit',
      'Gaps and mitigation',
      'Your pitch',
      'Resume highlights for this role',
      'Company summary',
      'Predicted interview questions',
      'Questions to ask them',
      'Concepts to review',
      'Strategic advice',
      'Preparation plan',
      'STAR stories',
      'Closing',
    ]);
    for (const section of document.sections) {
      const items = allSections([section]).reduce((sum, part) => sum + part.items.length, 0);
      expect(items, section.title).toBeGreaterThan(0);
    }
  });

  it('is tailored: predicted questions follow the posting, gaps and the pitch follow the resume', () => {
    const document = demoPack();
    const titles = allSections(document.sections).map((section) => section.title);
    expect(titles).toEqual(
      expect.arrayContaining(['Go', 'PostgreSQL', 'System design in HR tech and payroll']),
    );
    const gaps = document.sections[2]?.items.map((item) => item.label);
    expect(gaps).toContain('Terraform');
    const markdown = renderMarkdown(document);
    expect(markdown).toContain('Payroll engine with per-country rules');
    expect(markdown).toMatch(/Backend Engineer with 4\.4 years of experience/);
  });

  it('gives visibly different packs for two different resumes', () => {
    const posting = read('fixtures/demo/posting.md');
    const first = renderMarkdown(pack(posting, read('fixtures/demo/resume.md')));
    const second = renderMarkdown(pack(posting, read('fixtures/resumes/mid-go-backend.md')));
    const sectionOf = (markdown: string, title: string) =>
      markdown.split(`## ${title}`)[1]?.split('\n## ')[0] ?? '';
    expect(sectionOf(first, 'Your pitch')).not.toBe(sectionOf(second, 'Your pitch'));
    expect(sectionOf(first, 'Gaps and mitigation')).not.toBe(
      sectionOf(second, 'Gaps and mitigation'),
    );
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    expect(renderMarkdown(demoPack(), { cite: true })).toBe(
      renderMarkdown(demoPack(), { cite: true }),
    );
  });

  it('cites only knowledge-base entries that exist', () => {
    const ids = JSON.stringify(demoPack()).match(/"kind":"knowledge","id":"[^"]+"/g) ?? [];
    const missing = ids
      .map((match) => match.replace(/.*"id":"/, '').replace(/"$/, ''))
      .filter((id) => !knowledge.entries.has(id));
    expect(ids.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('fits the plan to the interview date, and defaults to 72 hours', () => {
    const days = (document: ComposedDocument) =>
      document.sections[10]?.subsections?.filter((section) => section.id.startsWith('day-')).length;
    const posting = read('fixtures/demo/posting.md');
    const resume = read('fixtures/demo/resume.md');
    expect(days(pack(posting, resume))).toBe(3);
    expect(days(pack(posting, resume, undefined, '2026-11-23'))).toBe(1);
    expect(days(pack(posting, resume, undefined, '2026-11-28'))).toBeGreaterThanOrEqual(3);
  });

  it('invents nothing about the candidate over every fixture pair', () => {
    const postings = readdirSync(join(root, 'fixtures', 'postings'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `fixtures/postings/${name}`);
    const resumes = readdirSync(join(root, 'fixtures', 'resumes'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `fixtures/resumes/${name}`);
    const pairs: Array<[string, string]> = [
      ['fixtures/demo/posting.md', 'fixtures/demo/resume.md'],
    ];
    for (const [index, posting] of postings.entries())
      pairs.push([posting, resumes[index % resumes.length] as string]);
    const problems: string[] = [];
    for (const [postingPath, resumePath] of pairs) {
      const resume = read(resumePath);
      for (const problem of findUnsupportedClaims(
        pack(read(postingPath), resume),
        resume,
        context.matcher,
      )) {
        problems.push(`${postingPath} × ${resumePath}: ${problem.reason} — ${problem.text}`);
      }
    }
    expect(pairs.length).toBeGreaterThan(15);
    expect(problems).toEqual([]);
  });
});

describe('renderMarkdown', () => {
  it('adds footnotes naming each source when asked to cite', () => {
    const markdown = renderMarkdown(demoPack(), { cite: true });
    expect(markdown).toMatch(/\[\^1\]: posting line \d+/);
    expect(markdown).toMatch(/\[\^\d+\]: resume line \d+/);
    expect(markdown).toMatch(/\[\^\d+\]: knowledge base: [a-z0-9-]+/);
    const used = new Set(markdown.match(/\[\^\d+\](?!:)/g));
    const defined = new Set(markdown.match(/^\[\^\d+\](?=:)/gm));
    expect([...used].every((mark) => defined.has(mark))).toBe(true);
  });
});
