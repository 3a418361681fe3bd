import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, openDatabase } from '../../src/store/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dumped PGlite data directory with every migration applied. */
    pgliteSnapshotPath: string;
  }
}

/**
 * Creating a PGlite database takes seconds; loading a dump takes under one.
 * This makes the dump once per set of migrations and hands its path to every
 * test file, which then opens its own database from it.
 */
export default async function setup(project: TestProject): Promise<void> {
  const folder = migrationsFolder();
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(join(folder, name)));
  }
  const path = join(tmpdir(), `prepkit-test-snapshot-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(path)) {
    const handle = await openDatabase({ mode: 'memory' });
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } })
      .$client;
    const dump = await client.dumpDataDir('none');
    await handle.close();
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  project.provide('pgliteSnapshotPath', path);
}
