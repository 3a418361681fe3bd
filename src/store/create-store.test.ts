import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testStorageModes } from '../../test/support/open-test-store.js';
import { isPrepkitError, NewApplicationSchema, NewStageSchema } from '../domain/index.js';
import type { Store } from './index.js';

const posting =
  'Backend Engineer\nWe run payroll for 400 companies.\nRequirements: Go, PostgreSQL.';

function newApplication(company: string) {
  return NewApplicationSchema.parse({
    company,
    roleTitle: 'Backend Engineer',
    postingText: posting,
  });
}

async function expectError(promise: Promise<unknown>, code: string): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isPrepkitError(error), `expected a PrepkitError ${code}, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  return error as Error;
}

describe.each(testStorageModes())('createStore (%s)', (mode) => {
  let store: Store;

  beforeAll(async () => {
    store = await openTestStore(mode);
  });
  afterAll(async () => {
    await store?.close();
  });

  describe('applications', () => {
    it('creates an application and reads it back with version 1', async () => {
      const created = await store.applications.create(newApplication('Acme Ledger'));
      expect(created.version).toBe(1);
      expect(created.status).toBe('saved');
      const read = await store.applications.get(created.id);
      expect(read).toEqual(created);
      expect(read.postingText).toBe(posting);
    });

    it('lists applications most recently updated first, with stage counts and the next stage', async () => {
      const older = await store.applications.create(newApplication('Older Co'));
      const newer = await store.applications.create(newApplication('Newer Co'));
      await store.stages.create(newer.id, NewStageSchema.parse({ kind: 'technical' }));
      await store.stages.create(
        newer.id,
        NewStageSchema.parse({ kind: 'recruiter', scheduledAt: '2030-01-02T09:00:00Z' }),
      );
      const list = await store.applications.list();
      const ids = list.map((item) => item.id);
      expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
      const summary = list.find((item) => item.id === newer.id);
      expect(summary?.stageCount).toBe(2);
      expect(summary?.nextStage?.kind).toBe('recruiter');
      expect(summary).not.toHaveProperty('postingText');
    });

    it('applies an update that names the latest version and increments it', async () => {
      const created = await store.applications.create(newApplication('Versioned Inc'));
      const updated = await store.applications.update(created.id, {
        version: 1,
        status: 'applied',
        companyNotes: 'Series A, 40 people',
      });
      expect(updated.version).toBe(2);
      expect(updated.status).toBe('applied');
      expect(updated.companyNotes).toBe('Series A, 40 people');
      expect(updated.company).toBe('Versioned Inc');
    });

    it('refuses a stale update with CONFLICT and changes nothing', async () => {
      const created = await store.applications.create(newApplication('Race Ltd'));
      await store.applications.update(created.id, { version: 1, roleTitle: 'First edit' });
      const error = await expectError(
        store.applications.update(created.id, { version: 1, roleTitle: 'Stale edit' }),
        'CONFLICT',
      );
      expect(error).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      const current = await store.applications.get(created.id);
      expect(current.roleTitle).toBe('First edit');
      expect(current.version).toBe(2);
    });

    it('lets exactly one of two concurrent updates from the same version win', async () => {
      const created = await store.applications.create(newApplication('Concurrent Co'));
      const results = await Promise.allSettled([
        store.applications.update(created.id, { version: 1, roleTitle: 'Edit A' }),
        store.applications.update(created.id, { version: 1, roleTitle: 'Edit B' }),
      ]);
      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
      const winner = (fulfilled[0] as PromiseFulfilledResult<{ roleTitle: string }>).value;
      expect((await store.applications.get(created.id)).roleTitle).toBe(winner.roleTitle);
    });

    it('reports NOT_FOUND for an unknown id on read, update and delete', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      await expectError(store.applications.get(missing), 'NOT_FOUND');
      await expectError(
        store.applications.update(missing, { version: 1, status: 'applied' }),
        'NOT_FOUND',
      );
      await expectError(store.applications.remove(missing), 'NOT_FOUND');
    });

    it('deletes an application with its stages and documents, refusing a stale version', async () => {
      const created = await store.applications.create(newApplication('Short Lived'));
      const stage = await store.stages.create(created.id, NewStageSchema.parse({ kind: 'final' }));
      await store.documents.save(
        { applicationId: created.id, kind: 'prep-pack' },
        { stageId: null, baseVersion: 0, content: {}, markdown: '# Pack' },
      );
      await store.applications.update(created.id, { version: 1, status: 'rejected' });
      await expectError(store.applications.remove(created.id, 1), 'CONFLICT');
      await store.applications.remove(created.id, 2);
      await expectError(store.applications.get(created.id), 'NOT_FOUND');
      await expectError(store.stages.get(created.id, stage.id), 'NOT_FOUND');
    });
  });

  describe('stages', () => {
    it('orders stages by scheduled time with unscheduled ones last', async () => {
      const application = await store.applications.create(newApplication('Ordered Co'));
      const late = await store.stages.create(
        application.id,
        NewStageSchema.parse({ kind: 'technical', scheduledAt: '2030-03-10T14:00:00+01:00' }),
      );
      const unscheduled = await store.stages.create(
        application.id,
        NewStageSchema.parse({ kind: 'final' }),
      );
      const early = await store.stages.create(
        application.id,
        NewStageSchema.parse({
          kind: 'recruiter',
          scheduledAt: '2030-03-01T09:00:00Z',
          interviewer: 'Recruiter',
        }),
      );
      const list = await store.stages.list(application.id);
      expect(list.map((stage) => stage.id)).toEqual([early.id, late.id, unscheduled.id]);
      expect(early.status).toBe('scheduled');
      expect(unscheduled.status).toBe('planned');
      expect(late.scheduledAt).toBe('2030-03-10T13:00:00.000Z');
    });

    it('refuses to add a stage to an application that does not exist', async () => {
      await expectError(
        store.stages.create(
          '00000000-0000-4000-8000-000000000001',
          NewStageSchema.parse({ kind: 'technical' }),
        ),
        'NOT_FOUND',
      );
    });

    it('updates a stage by version and refuses a stale one', async () => {
      const application = await store.applications.create(newApplication('Stage Edits'));
      const stage = await store.stages.create(
        application.id,
        NewStageSchema.parse({ kind: 'technical' }),
      );
      const updated = await store.stages.update(application.id, stage.id, {
        version: 1,
        status: 'completed',
        scheduledAt: null,
        interviewer: 'Two engineers',
      });
      expect(updated).toMatchObject({
        version: 2,
        status: 'completed',
        interviewer: 'Two engineers',
      });
      await expectError(
        store.stages.update(application.id, stage.id, { version: 1, status: 'cancelled' }),
        'CONFLICT',
      );
      expect((await store.stages.get(application.id, stage.id)).status).toBe('completed');
    });

    it('does not reach a stage through another application', async () => {
      const first = await store.applications.create(newApplication('First'));
      const second = await store.applications.create(newApplication('Second'));
      const stage = await store.stages.create(
        first.id,
        NewStageSchema.parse({ kind: 'behavioral' }),
      );
      await expectError(store.stages.get(second.id, stage.id), 'NOT_FOUND');
      await expectError(store.stages.remove(second.id, stage.id), 'NOT_FOUND');
      expect((await store.stages.get(first.id, stage.id)).kind).toBe('behavioral');
    });
  });

  describe('documents', () => {
    it('writes a new version on every save and keeps the older ones readable', async () => {
      const application = await store.applications.create(newApplication('Docs Co'));
      const address = { applicationId: application.id, kind: 'prep-pack' as const };
      const first = await store.documents.save(address, {
        stageId: null,
        baseVersion: 0,
        content: { sections: [{ title: 'Job overview' }] },
        markdown: '# Prep pack v1',
      });
      const second = await store.documents.save(address, {
        stageId: null,
        baseVersion: 1,
        content: { sections: [{ title: 'Job overview' }, { title: 'Gaps' }] },
        markdown: '# Prep pack v2',
      });
      expect([first.version, second.version]).toEqual([1, 2]);
      expect((await store.documents.latest(address)).markdown).toBe('# Prep pack v2');
      const old = await store.documents.getVersion(address, 1);
      expect(old.markdown).toBe('# Prep pack v1');
      expect(old.content).toEqual({ sections: [{ title: 'Job overview' }] });
      expect((await store.documents.history(address)).map((entry) => entry.version)).toEqual([
        2, 1,
      ]);
    });

    it('refuses a save based on a stale version and loses nothing', async () => {
      const application = await store.applications.create(newApplication('Stale Docs'));
      const address = { applicationId: application.id, kind: 'company-brief' as const };
      await store.documents.save(address, {
        stageId: null,
        baseVersion: 0,
        content: {},
        markdown: 'original',
      });
      await store.documents.save(address, {
        stageId: null,
        baseVersion: 1,
        content: {},
        markdown: 'edit from tab A',
      });
      const error = await expectError(
        store.documents.save(address, {
          stageId: null,
          baseVersion: 1,
          content: {},
          markdown: 'edit from tab B',
        }),
        'CONFLICT',
      );
      expect(error).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      expect((await store.documents.latest(address)).markdown).toBe('edit from tab A');
      expect((await store.documents.getVersion(address, 1)).markdown).toBe('original');
      expect(await store.documents.history(address)).toHaveLength(2);
      // A base version ahead of the latest is refused too, so versions never skip.
      await expectError(
        store.documents.save(address, {
          stageId: null,
          baseVersion: 7,
          content: {},
          markdown: 'future',
        }),
        'CONFLICT',
      );
    });

    it('lets exactly one of two concurrent saves from the same version win', async () => {
      const application = await store.applications.create(newApplication('Parallel Docs'));
      const address = { applicationId: application.id, kind: 'study-plan' as const };
      const results = await Promise.allSettled(
        ['tab A', 'tab B', 'tab C'].map((markdown) =>
          store.documents.save(address, { stageId: null, baseVersion: 0, content: {}, markdown }),
        ),
      );
      const saved = results.filter((result) => result.status === 'fulfilled');
      expect(saved).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'CONFLICT' });
      }
      expect(await store.documents.history(address)).toHaveLength(1);
    });

    it('keeps stage notes per stage and lists the latest version of each document', async () => {
      const application = await store.applications.create(newApplication('Notes Co'));
      const recruiter = await store.stages.create(
        application.id,
        NewStageSchema.parse({ kind: 'recruiter' }),
      );
      const technical = await store.stages.create(
        application.id,
        NewStageSchema.parse({ kind: 'technical' }),
      );
      const notes = (stageId: string, baseVersion: number, markdown: string) =>
        store.documents.save(
          { applicationId: application.id, kind: 'stage-notes' },
          { stageId, baseVersion, content: {}, markdown },
        );
      await notes(recruiter.id, 0, 'recruiter v1');
      await notes(technical.id, 0, 'technical v1');
      await notes(technical.id, 1, 'technical v2');
      const latest = await store.documents.latest({
        applicationId: application.id,
        kind: 'stage-notes',
        stageId: recruiter.id,
      });
      expect(latest.markdown).toBe('recruiter v1');
      const listed = await store.documents.listLatest(application.id);
      const versions = Object.fromEntries(listed.map((entry) => [entry.stageId, entry.version]));
      expect(versions).toEqual({ [recruiter.id]: 1, [technical.id]: 2 });
    });

    it('refuses stage notes for a stage of another application', async () => {
      const owner = await store.applications.create(newApplication('Owner'));
      const other = await store.applications.create(newApplication('Other'));
      const stage = await store.stages.create(owner.id, NewStageSchema.parse({ kind: 'final' }));
      await expectError(
        store.documents.save(
          { applicationId: other.id, kind: 'stage-notes' },
          { stageId: stage.id, baseVersion: 0, content: {}, markdown: 'misplaced' },
        ),
        'NOT_FOUND',
      );
    });
  });
});
