import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';

/** The storage back-ends the repository tests run against in this run. */
export function testStorageModes(): Array<'embedded' | 'postgres'> {
  return process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

/**
 * A fresh, migrated store for one test file: PGlite from the dumped snapshot,
 * or a new database on the PostgreSQL server of DATABASE_URL (dropped by the
 * returned store's close).
 */
export async function openTestStore(mode: 'embedded' | 'postgres' = 'embedded'): Promise<Store> {
  if (mode === 'embedded') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshotPath'))]);
    return openStore({ mode: 'memory', snapshot });
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `prepkit_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ mode: 'postgres', databaseUrl: url.toString() });
  return {
    ...store,
    async close() {
      await store.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
