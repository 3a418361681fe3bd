import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created = new Set<string>();
let exitHookInstalled = false;

/**
 * Makes a new empty folder under the system temp folder. Folders not removed
 * with `removeTempDir` are removed when the benchmark process exits.
 */
export function createTempDir(prefix: string): string {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', removeAllTempDirs);
  }
  const path = mkdtempSync(join(tmpdir(), prefix));
  created.add(path);
  return path;
}

/** Removes a folder made by `createTempDir`, with its content. */
export function removeTempDir(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 3 });
  created.delete(path);
}

/**
 * Removes every folder made by `createTempDir` and not removed yet. Stop the
 * processes writing in them first. A folder that cannot be removed is named
 * on stderr rather than thrown, so the other folders still go.
 */
export function removeAllTempDirs(): void {
  for (const path of created) {
    try {
      removeTempDir(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`bench: could not remove ${path}: ${reason}\n`);
    }
  }
}
