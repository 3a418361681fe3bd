import { and, asc, eq, sql } from 'drizzle-orm';
import {
  ConflictError,
  type NewStageValues,
  PrepkitError,
  parseWith,
  type Stage,
  type StagePatch,
  StageSchema,
} from '../domain/index.js';
import { readSqlState, sqlState } from './database-errors.js';
import type { Database } from './open-database.js';
import { applications, stages } from './schema.js';

type StageRow = typeof stages.$inferSelect;

/** Reads and writes the interview rounds of applications. */
export interface StagesRepository {
  /** The stages of an application, by scheduled time (unscheduled last), then creation. */
  list(applicationId: string): Promise<Stage[]>;
  get(applicationId: string, stageId: string): Promise<Stage>;
  create(applicationId: string, input: NewStageValues): Promise<Stage>;
  /** Applies `patch` if `patch.version` is still the latest; CONFLICT otherwise. */
  update(applicationId: string, stageId: string, patch: StagePatch): Promise<Stage>;
  remove(applicationId: string, stageId: string, expectedVersion?: number): Promise<void>;
}

export function createStagesRepository(db: Database): StagesRepository {
  const byIds = (applicationId: string, stageId: string) =>
    and(eq(stages.applicationId, applicationId), eq(stages.id, stageId));

  async function explainMissedUpdate(
    applicationId: string,
    stageId: string,
    expectedVersion: number,
  ): Promise<PrepkitError> {
    const [current] = await db
      .select({ version: stages.version })
      .from(stages)
      .where(byIds(applicationId, stageId));
    if (!current) return stageNotFound(applicationId, stageId);
    return new ConflictError(
      `Stage ${stageId} changed since version ${expectedVersion} (now version ${current.version}). ` +
        'Reload it and apply your change again.',
      { expectedVersion, currentVersion: current.version },
    );
  }

  return {
    async list(applicationId) {
      const [owner] = await db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.id, applicationId));
      if (!owner) throw applicationNotFound(applicationId);
      const rows = await db
        .select()
        .from(stages)
        .where(eq(stages.applicationId, applicationId))
        .orderBy(sql`${stages.scheduledAt} asc nulls last`, asc(stages.createdAt), asc(stages.id));
      return rows.map(toStage);
    },

    async get(applicationId, stageId) {
      const [row] = await db.select().from(stages).where(byIds(applicationId, stageId));
      if (!row) throw stageNotFound(applicationId, stageId);
      return toStage(row);
    },

    async create(applicationId, input) {
      const status = input.status ?? (input.scheduledAt ? 'scheduled' : 'planned');
      try {
        const [row] = await db
          .insert(stages)
          .values({
            applicationId,
            kind: input.kind,
            interviewer: input.interviewer,
            scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
            status,
          })
          .returning();
        if (!row) throw new PrepkitError('INTERNAL', 'The new stage was not returned');
        return toStage(row);
      } catch (error) {
        if (readSqlState(error) === sqlState.foreignKeyViolation) {
          throw applicationNotFound(applicationId);
        }
        throw error;
      }
    },

    async update(applicationId, stageId, patch) {
      const { version, scheduledAt, ...changes } = patch;
      const [row] = await db
        .update(stages)
        .set({
          ...changes,
          ...(scheduledAt === undefined
            ? {}
            : { scheduledAt: scheduledAt === null ? null : new Date(scheduledAt) }),
          version: version + 1,
          updatedAt: new Date(),
        })
        .where(and(byIds(applicationId, stageId), eq(stages.version, version)))
        .returning();
      if (row) return toStage(row);
      throw await explainMissedUpdate(applicationId, stageId, version);
    },

    async remove(applicationId, stageId, expectedVersion) {
      const condition =
        expectedVersion === undefined
          ? byIds(applicationId, stageId)
          : and(byIds(applicationId, stageId), eq(stages.version, expectedVersion));
      const deleted = await db.delete(stages).where(condition).returning({ id: stages.id });
      if (deleted.length > 0) return;
      throw await explainMissedUpdate(applicationId, stageId, expectedVersion ?? 0);
    },
  };
}

function applicationNotFound(applicationId: string): PrepkitError {
  return new PrepkitError('NOT_FOUND', `No application with id ${applicationId}`);
}

function stageNotFound(applicationId: string, stageId: string): PrepkitError {
  return new PrepkitError(
    'NOT_FOUND',
    `No stage with id ${stageId} in application ${applicationId}`,
  );
}

function toStage(row: StageRow): Stage {
  return parseWith(
    StageSchema,
    {
      ...row,
      scheduledAt: row.scheduledAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    },
    'stored stage',
    'INTERNAL',
  );
}
