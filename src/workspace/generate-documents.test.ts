import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../test/support/open-test-store.js';
import { createExtractContext } from '../extract/index.js';
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
    const folder = await exportVault(context, applicationId, vault);
    expect(folder).toBe(join(vault, 'Tidewater Payroll - Backend Engineer'));
    const files = readdirSync(folder).sort();
    expect(files).toEqual([
      '1-recruiter.md',
      '2-hiring-manager.md',
      '3-technical.md',
      '4-system-design.md',
      'company-brief.md',
      'index.md',
      'prep-pack.md',
    ]);
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
