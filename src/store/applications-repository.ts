import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  type Application,
  type ApplicationPatch,
  ApplicationSchema,
  type ApplicationSummary,
  ApplicationSummarySchema,
  ConflictError,
  type NewApplicationValues,
  PrepkitError,
  parseWith,
} from '../domain/index.js';
import type { Database } from './open-database.js';
import { applications, stages } from './schema.js';

type ApplicationRow = typeof applications.$inferSelect;

/** Reads and writes applications. */
export interface ApplicationsRepository {
  /** Every application, most recently updated first, without long texts. */
  list(): Promise<ApplicationSummary[]>;
  /** One application; NOT_FOUND when it does not exist. */
  get(id: string): Promise<Application>;
  create(input: NewApplicationValues): Promise<Application>;
  /** Applies `patch` if `patch.version` is still the latest; CONFLICT otherwise. */
  update(id: string, patch: ApplicationPatch): Promise<Application>;
  /** Deletes the application with its stages and documents. */
  remove(id: string, expectedVersion?: number): Promise<void>;
  count(): Promise<number>;
}

export function createApplicationsRepository(db: Database): ApplicationsRepository {
  const listQuery = prepareListQuery(db);
  return {
    async list() {
      const rows = await listQuery.execute();
      return rows.map(({ nextStageId, nextStageKind, nextStageScheduledAt, ...row }) =>
        parseWith(
          ApplicationSummarySchema,
          {
            ...row,
            stageCount: Number(row.stageCount),
            createdAt: row.createdAt.toISOString(),
            updatedAt: row.updatedAt.toISOString(),
            nextStage: nextStageId
              ? {
                  id: nextStageId,
                  kind: nextStageKind,
                  scheduledAt: nextStageScheduledAt?.toISOString() ?? null,
                }
              : null,
          },
          'stored application',
          'INTERNAL',
        ),
      );
    },

    async get(id) {
      const [row] = await db.select().from(applications).where(eq(applications.id, id));
      if (!row) throw notFound(id);
      return toApplication(row);
    },

    async create(input) {
      const [row] = await db.insert(applications).values(input).returning();
      if (!row) throw new PrepkitError('INTERNAL', 'The new application was not returned');
      return toApplication(row);
    },

    async update(id, patch) {
      const { version, ...changes } = patch;
      const [row] = await db
        .update(applications)
        .set({ ...changes, version: version + 1, updatedAt: new Date() })
        .where(and(eq(applications.id, id), eq(applications.version, version)))
        .returning();
      if (row) return toApplication(row);
      throw await explainMissedUpdate(db, id, version);
    },

    async remove(id, expectedVersion) {
      const condition =
        expectedVersion === undefined
          ? eq(applications.id, id)
          : and(eq(applications.id, id), eq(applications.version, expectedVersion));
      const deleted = await db
        .delete(applications)
        .where(condition)
        .returning({ id: applications.id });
      if (deleted.length > 0) return;
      throw await explainMissedUpdate(db, id, expectedVersion ?? 0);
    },

    async count() {
      return db.$count(applications);
    },
  };
}

/**
 * The applications list in one round trip: the stage count and the next open
 * stage come from a correlated count and a lateral join. Prepared once, since
 * the list is the most requested read.
 */
function prepareListQuery(db: Database) {
  const nextStage = db
    .select({ id: stages.id, kind: stages.kind, scheduledAt: stages.scheduledAt })
    .from(stages)
    .where(
      and(
        eq(stages.applicationId, applications.id),
        inArray(stages.status, ['planned', 'scheduled']),
      ),
    )
    .orderBy(sql`${stages.scheduledAt} asc nulls last`, asc(stages.createdAt))
    .limit(1)
    .as('next_stage');
  return db
    .select({
      id: applications.id,
      company: applications.company,
      roleTitle: applications.roleTitle,
      postingSource: applications.postingSource,
      status: applications.status,
      version: applications.version,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      stageCount: sql<number>`(select count(*)::int from ${stages} where ${stages.applicationId} = ${applications.id})`,
      nextStageId: nextStage.id,
      nextStageKind: nextStage.kind,
      nextStageScheduledAt: nextStage.scheduledAt,
    })
    .from(applications)
    .leftJoinLateral(nextStage, sql`true`)
    .orderBy(desc(applications.updatedAt), asc(applications.id))
    .prepare('list_applications');
}

async function explainMissedUpdate(
  db: Database,
  id: string,
  expectedVersion: number,
): Promise<PrepkitError> {
  const [current] = await db
    .select({ version: applications.version })
    .from(applications)
    .where(eq(applications.id, id));
  if (!current) return notFound(id);
  return new ConflictError(
    `Application ${id} changed since version ${expectedVersion} (now version ${current.version}). ` +
      'Reload it and apply your change again.',
    { expectedVersion, currentVersion: current.version },
  );
}

function notFound(id: string): PrepkitError {
  return new PrepkitError('NOT_FOUND', `No application with id ${id}`);
}

function toApplication(row: ApplicationRow): Application {
  return parseWith(
    ApplicationSchema,
    { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() },
    'stored application',
    'INTERNAL',
  );
}
