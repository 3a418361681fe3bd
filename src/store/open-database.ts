import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PrepkitError } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import * as schema from './schema.js';

/** A drizzle database over either driver; repositories only see this. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type StorageMode = 'embedded' | 'postgres';

/** An open database with its migrations applied. */
export interface DatabaseHandle {
  db: Database;
  mode: StorageMode;
  /** Where the data lives: a data directory, `memory`, or the server without its password. */
  location: string;
  close(): Promise<void>;
}

export type OpenDatabaseOptions =
  | { mode: 'embedded'; dataDir: string }
  | { mode: 'memory'; snapshot?: Blob }
  | { mode: 'postgres'; databaseUrl: string };

// Serialises concurrent migrations from several processes on one server.
const migrationLockKey = 7_420_117;

/**
 * Opens the configured storage and applies pending migrations.
 *
 * @example
 * const handle = await openDatabase({ mode: 'embedded', dataDir: '/home/me/.prepkit' });
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.mode === 'postgres') return openPostgres(options.databaseUrl);
  return openPglite(options);
}

/** The folder of SQL migrations shipped with the package. */
export function migrationsFolder(): string {
  return join(findPackageRoot(), 'migrations');
}

async function openPglite(
  options: { mode: 'embedded'; dataDir: string } | { mode: 'memory'; snapshot?: Blob },
): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  let client: PGlite;
  let location = 'memory';
  try {
    if (options.mode === 'embedded') {
      mkdirSync(options.dataDir, { recursive: true });
      releaseLock = acquireDataDirLock(options.dataDir);
      location = options.dataDir;
      client = await PGlite.create(join(options.dataDir, 'pgdata'));
    } else {
      client = await PGlite.create(
        options.snapshot ? { loadDataDir: options.snapshot } : undefined,
      );
    }
  } catch (error) {
    releaseLock();
    if (error instanceof PrepkitError) throw error;
    throw new PrepkitError(
      'STORAGE_UNAVAILABLE',
      `Cannot open the embedded database in ${location}: ${describe(error)}. ` +
        'If the folder was damaged, move it aside and start again.',
      { cause: error },
    );
  }
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: migrationsFolder() });
  } catch (error) {
    await client.close();
    releaseLock();
    throw new PrepkitError('STORAGE_UNAVAILABLE', `Cannot apply migrations: ${describe(error)}`, {
      cause: error,
    });
  }
  return {
    db: db as unknown as Database,
    mode: 'embedded',
    location,
    async close() {
      try {
        await client.close();
      } finally {
        releaseLock();
      }
    },
  };
}

async function openPostgres(databaseUrl: string): Promise<DatabaseHandle> {
  const location = describeDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = drizzleNodePostgres(pool, { schema });
  let lockClient: pg.PoolClient | undefined;
  try {
    lockClient = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new PrepkitError(
      'STORAGE_UNAVAILABLE',
      `Cannot connect to PostgreSQL at ${location}: ${describe(error)}`,
      { cause: error },
    );
  }
  try {
    await lockClient.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await migrateNodePostgres(db, { migrationsFolder: migrationsFolder() });
  } catch (error) {
    lockClient.release();
    await pool.end().catch(() => {});
    throw new PrepkitError(
      'STORAGE_UNAVAILABLE',
      `Cannot apply migrations on ${location}: ${describe(error)}`,
      { cause: error },
    );
  }
  await lockClient.query('select pg_advisory_unlock($1)', [migrationLockKey]);
  lockClient.release();
  return {
    db: db as unknown as Database,
    mode: 'postgres',
    location,
    async close() {
      await pool.end();
    },
  };
}

/** `postgres://user@host:port/db`, never the password. */
export function describeDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    const port = url.port ? `:${url.port}` : '';
    return `${url.protocol}//${user}${url.hostname}${port}${url.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return describe(error.errors[0]);
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || (typeof code === 'string' ? code : error.name);
    return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
  }
  return String(error);
}

/** Checks the database answers; used by the health endpoint and doctor. */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
