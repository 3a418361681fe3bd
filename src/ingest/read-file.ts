import { open, stat } from 'node:fs/promises';
import { PrepkitError, type Source } from '../domain/index.js';
import { formatByteSize, ingestLimits } from './ingest-limits.js';
import { readInput } from './read-input.js';

/** Options of `readFile`. */
export interface ReadFileOptions {
  /** The name the Source and messages use; the path as given by default. */
  name?: string;
}

function describeFileSystemError(error: unknown, path: string): PrepkitError | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new PrepkitError('NOT_FOUND', `No file at ${path}. Check the path.`, { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new PrepkitError(
      'UNREADABLE_FILE',
      `${path} cannot be read: permission denied. Check the file's permissions.`,
      { cause: error },
    );
  }
  if (code === 'EISDIR') {
    return new PrepkitError(
      'INVALID_INPUT',
      `${path} is a folder, not a file; pick a file in it.`,
      {
        cause: error,
      },
    );
  }
  return undefined;
}

/** Reads at most `limit + 1` bytes, so a file that grew after `stat` is still caught. */
async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a resume, posting or notes file from disk: checks it exists, is a
 * file and is at most 10 MiB (with `stat`, before reading a byte), then reads
 * it with `readInput`.
 *
 * @example
 * const resume = await readFile('resume.pdf');
 * resume.kind; // 'pdf'
 */
export async function readFile(path: string, options: ReadFileOptions = {}): Promise<Source> {
  const name = options.name ?? path;
  let bytes: Uint8Array;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) {
      throw new PrepkitError(
        'INVALID_INPUT',
        `${path} is a folder, not a file; pick a file in it.`,
      );
    }
    if (!stats.isFile()) {
      throw new PrepkitError('INVALID_INPUT', `${path} is not a regular file.`);
    }
    if (stats.size > ingestLimits.maxBytes) {
      throw new PrepkitError(
        'INPUT_TOO_LARGE',
        `${name} is ${formatByteSize(stats.size)}; the limit is ${formatByteSize(ingestLimits.maxBytes)} per file.`,
      );
    }
    bytes = await readBounded(path, ingestLimits.maxBytes);
  } catch (error) {
    throw describeFileSystemError(error, path) ?? error;
  }
  return readInput(bytes, name);
}
