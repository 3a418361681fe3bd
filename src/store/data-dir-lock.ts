import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrepkitError } from '../domain/index.js';

/**
 * The embedded database must have one process at a time: two PGlite instances
 * on one folder corrupt it. A lock file holds the owner's pid; a lock left by
 * a process that no longer runs is taken over.
 *
 * @returns a function that releases the lock
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = join(dataDir, 'prepkit.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new PrepkitError(
          'STORAGE_UNAVAILABLE',
          `The data directory ${dataDir} is in use by another prepkit process (pid ${owner}). ` +
            'Stop it, or set PREPKIT_DATA to another folder.',
        );
      }
      if (owner === process.pid) {
        throw new PrepkitError(
          'STORAGE_UNAVAILABLE',
          `The data directory ${dataDir} is already open in this process.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new PrepkitError('STORAGE_UNAVAILABLE', `Cannot lock the data directory ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a running process holding the data directory, if any. */
export function readDataDirLockOwner(dataDir: string): number | undefined {
  try {
    const owner = Number.parseInt(readFileSync(join(dataDir, 'prepkit.lock'), 'utf8'), 10);
    return Number.isInteger(owner) && owner !== process.pid && isRunning(owner) ? owner : undefined;
  } catch {
    return undefined;
  }
}
