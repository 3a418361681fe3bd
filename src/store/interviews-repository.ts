import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  type ClockMode,
  ConflictError,
  type Evaluation,
  type Interview,
  InterviewSchema,
  type InterviewSubjectSnapshot,
  type InterviewSummary,
  type InterviewTurn,
  InterviewTurnSchema,
  PrepkitError,
  parseWith,
  RatingLevelSchema,
} from '../domain/index.js';
import { readSqlState, sqlState } from './database-errors.js';
import type { Database } from './open-database.js';
import { interviews, interviewTurns } from './schema.js';

type InterviewRow = typeof interviews.$inferSelect;
type InterviewTurnRow = typeof interviewTurns.$inferSelect;
/** The handle a transaction callback receives; it reads and writes like the database. */
type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What is needed to start a mock interview. */
export interface NewInterviewValues {
  /** The application the interview prepares for; null for a stand-alone practice session. */
  applicationId: string | null;
  personaId: string;
  personaTitle: string;
  /** The persona's Markdown as it is now, kept so a resumed interview asks the same questions. */
  personaMarkdown: string;
  /** The job, candidate and company profiles the interviewer tailors its questions from. */
  subject?: InterviewSubjectSnapshot;
  clock: ClockMode;
}

/** A stored interview as listed; the schema checks list rows on the way out. */
const InterviewSummarySchema = InterviewSchema.omit({
  personaMarkdown: true,
  subject: true,
  evaluation: true,
}).extend({
  turnCount: z.number().int().nonnegative(),
  rating: RatingLevelSchema.nullable(),
});

/**
 * Mock interviews and their turns. Every change names the interview version
 * it saw; a change from an older version is refused with CONFLICT and writes
 * nothing, so two tabs cannot fork one conversation.
 */
export interface InterviewsRepository {
  /** Stores a new interview with its first turns, in one transaction; NOT_FOUND without the application. */
  create(
    input: NewInterviewValues,
    turns: readonly InterviewTurn[],
  ): Promise<{ interview: Interview; turns: InterviewTurn[] }>;
  /** One interview; NOT_FOUND when it does not exist. */
  get(id: string): Promise<Interview>;
  /** The turns of an interview in turn order; NOT_FOUND when the interview does not exist. */
  listTurns(id: string): Promise<InterviewTurn[]>;
  /**
   * Adds turns to an active interview at `expectedVersion` and bumps its
   * version. CONFLICT, and nothing written, when the interview has ended or
   * changed since that version.
   */
  appendTurns(
    id: string,
    expectedVersion: number,
    turns: readonly InterviewTurn[],
  ): Promise<Interview>;
  /**
   * Adds the final turns, stores the evaluation and marks the interview
   * ended, under the same version rules as `appendTurns`.
   */
  end(
    id: string,
    expectedVersion: number,
    evaluation: Evaluation,
    finalTurns: readonly InterviewTurn[],
  ): Promise<Interview>;
  /** Interviews newest first, optionally of one application, with turn counts and ratings. */
  list(filter?: { applicationId?: string }): Promise<InterviewSummary[]>;
  /** Deletes an interview with its turns; NOT_FOUND when it does not exist. */
  remove(id: string): Promise<void>;
}

/**
 * Reads and writes mock interviews over `db`.
 *
 * @example
 * const interviews = createInterviewsRepository(handle.db);
 * const { interview } = await interviews.create(values, director.start());
 * await interviews.appendTurns(interview.id, interview.version, nextTurns);
 */
export function createInterviewsRepository(db: Database): InterviewsRepository {
  /**
   * Applies `changes` and the next version in one transaction with the new
   * turns. The version-guarded update runs first: it locks the row, so a
   * concurrent change from the same version waits, then matches no row.
   */
  async function advance(
    id: string,
    expectedVersion: number,
    turns: readonly InterviewTurn[],
    changes: { status?: 'ended'; evaluation?: Evaluation },
  ): Promise<Interview> {
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .update(interviews)
          .set({ ...changes, version: expectedVersion + 1, updatedAt: new Date() })
          .where(
            and(
              eq(interviews.id, id),
              eq(interviews.version, expectedVersion),
              eq(interviews.status, 'active'),
            ),
          )
          .returning();
        if (!row) throw await explainMissedChange(tx, id, expectedVersion);
        await insertTurns(tx, id, turns);
        return toInterview(row);
      });
    } catch (error) {
      // A turn with one of these numbers is already saved: either a concurrent
      // change got there first, or the caller numbered its turns from stale state.
      if (readSqlState(error) === sqlState.uniqueViolation) {
        const [current] = await db
          .select({ version: interviews.version })
          .from(interviews)
          .where(eq(interviews.id, id));
        if (current?.version !== expectedVersion) {
          throw staleVersion(id, expectedVersion, current?.version, error);
        }
        throw new ConflictError(
          `Interview ${id} already has a turn with one of the numbers being saved. ` +
            'Nothing was saved: reload the interview and answer its latest question.',
          { expectedVersion, currentVersion: current.version, cause: error },
        );
      }
      throw error;
    }
  }

  return {
    async create(input, turns) {
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(interviews)
            .values({
              applicationId: input.applicationId,
              personaId: input.personaId,
              personaTitle: input.personaTitle,
              personaMarkdown: input.personaMarkdown,
              subject: input.subject ?? {},
              clock: input.clock,
            })
            .returning();
          if (!row) throw new PrepkitError('INTERNAL', 'The new interview was not returned');
          const saved = await insertTurns(tx, row.id, turns);
          return { interview: toInterview(row), turns: saved };
        });
      } catch (error) {
        if (readSqlState(error) === sqlState.foreignKeyViolation && input.applicationId) {
          throw new PrepkitError('NOT_FOUND', `No application with id ${input.applicationId}`, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async get(id) {
      const [row] = await db.select().from(interviews).where(eq(interviews.id, id));
      if (!row) throw interviewNotFound(id);
      return toInterview(row);
    },

    async listTurns(id) {
      const [owner] = await db
        .select({ id: interviews.id })
        .from(interviews)
        .where(eq(interviews.id, id));
      if (!owner) throw interviewNotFound(id);
      const rows = await db
        .select()
        .from(interviewTurns)
        .where(eq(interviewTurns.interviewId, id))
        .orderBy(asc(interviewTurns.turn));
      return rows.map(toTurn);
    },

    appendTurns(id, expectedVersion, turns) {
      return advance(id, expectedVersion, turns, {});
    },

    end(id, expectedVersion, evaluation, finalTurns) {
      return advance(id, expectedVersion, finalTurns, { status: 'ended', evaluation });
    },

    async list(filter = {}) {
      const rows = await db
        .select({
          id: interviews.id,
          applicationId: interviews.applicationId,
          personaId: interviews.personaId,
          personaTitle: interviews.personaTitle,
          clock: interviews.clock,
          status: interviews.status,
          version: interviews.version,
          createdAt: interviews.createdAt,
          updatedAt: interviews.updatedAt,
          turnCount: sql<number>`(select count(*)::int from ${interviewTurns} where ${interviewTurns.interviewId} = ${interviews.id})`,
          rating: sql<string | null>`${interviews.evaluation} -> 'rating' ->> 'level'`,
        })
        .from(interviews)
        .where(
          filter.applicationId === undefined
            ? undefined
            : eq(interviews.applicationId, filter.applicationId),
        )
        .orderBy(desc(interviews.createdAt), asc(interviews.id));
      return rows.map((row) =>
        parseWith(
          InterviewSummarySchema,
          {
            ...row,
            turnCount: Number(row.turnCount),
            createdAt: row.createdAt.toISOString(),
            updatedAt: row.updatedAt.toISOString(),
          },
          'stored interview',
          'INTERNAL',
        ),
      );
    },

    async remove(id) {
      const deleted = await db
        .delete(interviews)
        .where(eq(interviews.id, id))
        .returning({ id: interviews.id });
      if (deleted.length === 0) throw interviewNotFound(id);
    },
  };
}

async function insertTurns(
  tx: Transaction,
  interviewId: string,
  turns: readonly InterviewTurn[],
): Promise<InterviewTurn[]> {
  if (turns.length === 0) return [];
  const rows = await tx
    .insert(interviewTurns)
    .values(
      turns.map((turn) => ({
        interviewId,
        turn: turn.turn,
        speaker: turn.speaker,
        phase: turn.phase,
        act: turn.act,
        text: turn.text,
        startedAtSeconds: turn.startedAtSeconds,
        durationSeconds: turn.durationSeconds,
      })),
    )
    .returning();
  return rows.sort((left, right) => left.turn - right.turn).map(toTurn);
}

/** Why a version-guarded change matched no row: gone, ended, or changed since. */
async function explainMissedChange(
  tx: Transaction,
  id: string,
  expectedVersion: number,
): Promise<PrepkitError> {
  const [current] = await tx
    .select({ status: interviews.status, version: interviews.version })
    .from(interviews)
    .where(eq(interviews.id, id));
  if (!current) return interviewNotFound(id);
  if (current.status !== 'active') {
    return new ConflictError(
      `Interview ${id} has ended, so it takes no more turns. Its transcript and report stay readable.`,
      { expectedVersion, currentVersion: current.version },
    );
  }
  return staleVersion(id, expectedVersion, current.version);
}

function staleVersion(
  id: string,
  expectedVersion: number,
  currentVersion: number | undefined,
  cause?: unknown,
): ConflictError {
  const now = currentVersion === undefined ? '' : ` (now version ${currentVersion})`;
  return new ConflictError(
    `Interview ${id} changed since version ${expectedVersion}${now}, perhaps in another tab. ` +
      'Nothing was saved: reload the interview and answer its latest question.',
    {
      expectedVersion,
      ...(currentVersion === undefined ? {} : { currentVersion }),
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

function interviewNotFound(id: string): PrepkitError {
  return new PrepkitError('NOT_FOUND', `No interview with id ${id}`);
}

function toInterview(row: InterviewRow): Interview {
  return parseWith(
    InterviewSchema,
    { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() },
    'stored interview',
    'INTERNAL',
  );
}

function toTurn(row: InterviewTurnRow): InterviewTurn {
  return parseWith(
    InterviewTurnSchema,
    {
      turn: row.turn,
      speaker: row.speaker,
      phase: row.phase,
      act: row.act,
      text: row.text,
      startedAtSeconds: row.startedAtSeconds,
      durationSeconds: row.durationSeconds,
    },
    'stored interview turn',
    'INTERNAL',
  );
}
