import { and, desc, eq, isNull, max } from 'drizzle-orm';
import {
  ConflictError,
  type DocumentKind,
  type DocumentVersion,
  DocumentVersionSchema,
  PrepkitError,
  parseWith,
  type SaveDocumentValues,
} from '../domain/index.js';
import { readSqlState, sqlState } from './database-errors.js';
import type { Database } from './open-database.js';
import { applications, documents, stages } from './schema.js';

type DocumentRow = typeof documents.$inferSelect;

/** Names one document: its application, kind and, for stage notes, its stage. */
export interface DocumentAddress {
  applicationId: string;
  kind: DocumentKind;
  stageId?: string | null;
}

/** A version as listed in a document's history. */
export interface DocumentVersionInfo {
  version: number;
  createdAt: string;
}

/** A document as listed for an application: its latest version number. */
export interface DocumentInfo {
  kind: DocumentKind;
  stageId: string | null;
  version: number;
  createdAt: string;
}

/**
 * Versioned documents. A save never overwrites: it adds the next version, and
 * only when the caller edited the latest one.
 */
export interface DocumentsRepository {
  /**
   * Saves a new version on top of `input.baseVersion` (0 for a new document).
   * CONFLICT, and nothing written, when someone saved since that version.
   */
  save(
    address: Omit<DocumentAddress, 'stageId'>,
    input: SaveDocumentValues,
  ): Promise<DocumentVersion>;
  latest(address: DocumentAddress): Promise<DocumentVersion>;
  getVersion(address: DocumentAddress, version: number): Promise<DocumentVersion>;
  /** Every version of one document, newest first. */
  history(address: DocumentAddress): Promise<DocumentVersionInfo[]>;
  /** The latest version of each document of an application. */
  listLatest(applicationId: string): Promise<DocumentInfo[]>;
}

export function createDocumentsRepository(db: Database): DocumentsRepository {
  const where = ({ applicationId, kind, stageId = null }: DocumentAddress) =>
    and(
      eq(documents.applicationId, applicationId),
      eq(documents.kind, kind),
      stageId === null ? isNull(documents.stageId) : eq(documents.stageId, stageId),
    );

  async function assertOwnerExists(applicationId: string, stageId: string | null): Promise<void> {
    if (stageId === null) {
      const [owner] = await db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.id, applicationId));
      if (!owner) throw new PrepkitError('NOT_FOUND', `No application with id ${applicationId}`);
      return;
    }
    const [stage] = await db
      .select({ id: stages.id })
      .from(stages)
      .where(and(eq(stages.id, stageId), eq(stages.applicationId, applicationId)));
    if (!stage) {
      throw new PrepkitError(
        'NOT_FOUND',
        `No stage with id ${stageId} in application ${applicationId}`,
      );
    }
  }

  async function readLatestVersion(address: DocumentAddress): Promise<number> {
    const [row] = await db
      .select({ latest: max(documents.version) })
      .from(documents)
      .where(where(address));
    return row?.latest ?? 0;
  }

  return {
    async save({ applicationId, kind }, input) {
      const address = { applicationId, kind, stageId: input.stageId };
      const conflict = (currentVersion: number | undefined, cause?: unknown) =>
        new ConflictError(
          `The ${kind} document changed since version ${input.baseVersion}` +
            `${currentVersion === undefined ? '' : ` (now version ${currentVersion})`}. ` +
            'Your text was not saved over it: reload, merge your edits and save again.',
          { expectedVersion: input.baseVersion, currentVersion, cause },
        );
      await assertOwnerExists(applicationId, input.stageId);
      const latest = await readLatestVersion(address);
      if (latest !== input.baseVersion) throw conflict(latest);
      try {
        const [row] = await db
          .insert(documents)
          .values({
            applicationId,
            stageId: input.stageId,
            kind,
            version: input.baseVersion + 1,
            content: input.content,
            markdown: input.markdown,
          })
          .returning();
        if (!row) throw new PrepkitError('INTERNAL', 'The saved document was not returned');
        return toDocument(row);
      } catch (error) {
        const state = readSqlState(error);
        // Someone saved the same base version between our read and our insert.
        if (state === sqlState.uniqueViolation) {
          throw conflict(await readLatestVersion(address), error);
        }
        if (state === sqlState.foreignKeyViolation) {
          throw new PrepkitError('NOT_FOUND', `No application with id ${applicationId}`, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async latest(address) {
      const [row] = await db
        .select()
        .from(documents)
        .where(where(address))
        .orderBy(desc(documents.version))
        .limit(1);
      if (!row) throw documentNotFound(address);
      return toDocument(row);
    },

    async getVersion(address, version) {
      const [row] = await db
        .select()
        .from(documents)
        .where(and(where(address), eq(documents.version, version)));
      if (!row) throw documentNotFound(address, version);
      return toDocument(row);
    },

    async history(address) {
      const rows = await db
        .select({ version: documents.version, createdAt: documents.createdAt })
        .from(documents)
        .where(where(address))
        .orderBy(desc(documents.version));
      if (rows.length === 0) throw documentNotFound(address);
      return rows.map((row) => ({ version: row.version, createdAt: row.createdAt.toISOString() }));
    },

    async listLatest(applicationId) {
      await assertOwnerExists(applicationId, null);
      const rows = await db
        .selectDistinctOn([documents.kind, documents.stageId], {
          kind: documents.kind,
          stageId: documents.stageId,
          version: documents.version,
          createdAt: documents.createdAt,
        })
        .from(documents)
        .where(eq(documents.applicationId, applicationId))
        .orderBy(documents.kind, documents.stageId, desc(documents.version));
      return rows.map((row) => {
        const parsed = DocumentVersionSchema.pick({ kind: true }).parse({ kind: row.kind });
        return {
          kind: parsed.kind,
          stageId: row.stageId,
          version: row.version,
          createdAt: row.createdAt.toISOString(),
        };
      });
    },
  };
}

function documentNotFound(address: DocumentAddress, version?: number): PrepkitError {
  const which = version === undefined ? '' : ` version ${version}`;
  const stage = address.stageId ? ` for stage ${address.stageId}` : '';
  return new PrepkitError(
    'NOT_FOUND',
    `No ${address.kind} document${which}${stage} in application ${address.applicationId}`,
  );
}

function toDocument(row: DocumentRow): DocumentVersion {
  return parseWith(
    DocumentVersionSchema,
    { ...row, createdAt: row.createdAt.toISOString() },
    'stored document',
    'INTERNAL',
  );
}
