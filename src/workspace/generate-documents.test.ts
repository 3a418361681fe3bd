import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/open-test-store.js';
import { createExtractContext } from '../extract/index.js';
import {
  createDirector,
  evaluateInterview,
  loadInterviewVocabulary,
  parsePersona,
} from '../interview/index.js';
import { loadKnowledgeBase } from '../knowledge/index.js';
import type { Store } from '../store/index.js';
import { exportVault } from './export-vault.js';
import { type GenerateContext, generateDocument } from './generate-documents.js';

describe('generateDocument', () => {
  let store: Store;
  let context: GenerateContext;
  let applicationId: string;
  const folders: string[] = [];

  beforeAll(async () => {
    store = await openTestStore();
    context = {
      store,
      extract: createExtractContext(),
      knowledge: loadKnowledgeBase({ compiledPath: false }).knowledge,
      today: new Date('2026-11-22T00:00:00Z'),
    };
    applicationId = (await store.seedDemo({ now: new Date('2026-11-22T08:00:00Z') })) as string;
  });
  afterAll(async () => {
    await store?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('saves each generation as a new version and keeps the user’s edits in the history', async () => {
    const [recruiter] = await store.stages.list(applicationId);
    if (!recruiter) throw new Error('no stage');
    const first = await generateDocument(context, applicationId, 'stage-notes', recruiter.id);
    expect(first.version).toBe(1);
    const edited = await store.documents.save(
      { applicationId, kind: 'stage-notes' },
      {
        stageId: recruiter.id,
        baseVersion: 1,
        content: first.content,
        markdown: `${first.markdown}\n\n## Discrepancies\n\n- The recruiter said the team is eight engineers, not six.\n`,
      },
    );
    const regenerated = await generateDocument(context, applicationId, 'stage-notes', recruiter.id);
    expect(regenerated.version).toBe(3);
    const history = await store.documents.history({
      applicationId,
      kind: 'stage-notes',
      stageId: recruiter.id,
    });
    expect(history.map((entry) => entry.version)).toEqual([3, 2, 1]);
    expect(
      (
        await store.documents.getVersion(
          { applicationId, kind: 'stage-notes', stageId: recruiter.id },
          2,
        )
      ).markdown,
    ).toBe(edited.markdown);
  });

  it('feeds what the user wrote in an earlier round into the next round’s notes', async () => {
    const stages = await store.stages.list(applicationId);
    const [recruiter, hiringManager] = stages;
    if (!recruiter || !hiringManager) throw new Error('no stages');
    const latest = await store.documents.latest({
      applicationId,
      kind: 'stage-notes',
      stageId: recruiter.id,
    });
    await store.documents.save(
      { applicationId, kind: 'stage-notes' },
      {
        stageId: recruiter.id,
        baseVersion: latest.version,
        content: latest.content,
        markdown:
          '# Recruiter\n\n## Discrepancies\n\n- On-call is one week in four, not one in six.\n',
      },
    );
    const notes = await generateDocument(context, applicationId, 'stage-notes', hiringManager.id);
    expect(notes.markdown).toContain(
      'Clarify: On-call is one week in four, not one in six. (from 1-recruiter',
    );
    expect(notes.markdown).toContain('[[1-recruiter]]');
  });

  it('writes a vault whose links all resolve to files in it', async () => {
    const vault = mkdtempSync(join(tmpdir(), 'prepkit-vault-'));
    folders.push(vault);
    // An ended mock interview goes into the vault; an active one does not.
    const markdown = context.knowledge.personas.get('backend-engineer') as string;
    const persona = parsePersona(markdown, 'backend-engineer');
    const vocabulary = loadInterviewVocabulary();
    for (const finish of [true, false]) {
      const director = createDirector({ persona, vocabulary, clock: 'simulated' });
      const opening = director.start();
      const { interview } = await store.interviews.create(
        {
          applicationId,
          personaId: persona.id,
          personaTitle: persona.title,
          personaMarkdown: markdown,
          clock: 'simulated',
        },
        opening,
      );
      if (!finish) continue;
      const answer = director.answer({
        text: 'Mostly the payroll engine, for three thousand employers.',
      });
      const goodbye = director.end();
      const evaluation = evaluateInterview({
        persona,
        turns: director.turns,
        vocabulary,
        clock: 'simulated',
      });
      await store.interviews.end(interview.id, interview.version, evaluation, [
        ...answer,
        ...goodbye,
      ]);
    }
    const folder = await exportVault(context, applicationId, vault);
    expect(folder).toBe(join(vault, 'Tidewater Payroll - Backend Engineer'));
    const files = readdirSync(folder).sort();
    const today = new Date().toISOString().slice(0, 10);
    expect(files).toEqual([
      '1-recruiter.md',
      '2-hiring-manager.md',
      '3-technical.md',
      '4-system-design.md',
      'company-brief.md',
      'index.md',
      `mock-interview-${today}-backend-engineer.md`,
      'prep-pack.md',
    ]);
    const report = readFileSync(
      join(folder, `mock-interview-${today}-backend-engineer.md`),
      'utf8',
    );
    expect(report).toContain('## Report');
    expect(report).toContain('Mostly the payroll engine');
    const names = new Set(files.map((file) => file.replace(/\.md$/, '')));
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      for (const link of text.match(/\[\[([^\]|#]+)/g) ?? []) {
        expect(names.has(link.slice(2)), `${file} links to ${link}`).toBe(true);
      }
    }
    const pack = readFileSync(join(folder, 'prep-pack.md'), 'utf8');
    expect(pack).toContain('## STAR stories');
  });

  it('refuses to build documents without a resume, saying what to do', async () => {
    const bare = await store.applications.create({
      company: 'Bare Co',
      roleTitle: 'Engineer',
      postingText: 'Backend Engineer\nGo and PostgreSQL.',
      postingSource: 'pasted',
      resumeText: '',
      companyNotes: '',
      status: 'saved',
    });
    await expect(generateDocument(context, bare.id, 'prep-pack')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const brief = await generateDocument(context, bare.id, 'company-brief');
    expect(brief.markdown).toMatch(/^# Company brief: /);
  });
});
