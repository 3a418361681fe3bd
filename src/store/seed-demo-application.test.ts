import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testStorageModes } from '../../test/support/open-test-store.js';
import type { Store } from './index.js';

describe.each(testStorageModes())('seedDemoApplication (%s)', (mode) => {
  let store: Store;
  beforeEach(async () => {
    if (store) await store.close();
    store = await openTestStore(mode);
  });
  afterAll(async () => {
    await store?.close();
  });
  const now = new Date('2026-03-02T08:30:00Z');

  it('creates the demo application from the fixture files, with its stages dated from now', async () => {
    const id = await store.seedDemo({ now });
    expect(id).toEqual(expect.any(String));
    const application = await store.applications.get(id as string);
    expect(application).toMatchObject({
      company: 'Tidewater Payroll',
      roleTitle: 'Backend Engineer',
      status: 'interviewing',
      postingSource: 'posting.md',
    });
    expect(application.postingText).toMatch(/PostgreSQL/);
    expect(application.resumeText).toMatch(/^# Demo Candidate/);
    expect(application.companyNotes.length).toBeGreaterThan(500);
    const stages = await store.stages.list(application.id);
    expect(stages.map((stage) => [stage.kind, stage.status, stage.scheduledAt])).toEqual([
      ['recruiter', 'completed', '2026-02-24T09:00:00.000Z'],
      ['hiring-manager', 'scheduled', '2026-03-05T14:00:00.000Z'],
      ['technical', 'planned', null],
      ['system-design', 'planned', null],
    ]);
  });

  it('creates the demo only once, even after the user deleted it', async () => {
    const id = await store.seedDemo({ now });
    await store.applications.remove(id as string);
    expect(await store.seedDemo({ now })).toBeNull();
    expect(await store.applications.count()).toBe(0);
  });

  it('creates one demo when two processes start on the same empty database at once', async () => {
    const results = await Promise.all([store.seedDemo({ now }), store.seedDemo({ now })]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await store.applications.count()).toBe(1);
  });

  it('rejects a damaged demo manifest with an error instead of a half-created demo', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prepkit-demo-'));
    try {
      writeFileSync(join(folder, 'demo.json'), JSON.stringify({ company: 'X', stages: 'none' }));
      await expect(store.seedDemo({ folder, now })).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(await store.applications.count()).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
