import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from './read-file.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'prepkit-ingest-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('readFile', () => {
  it('reads a file from disk with the reader its content calls for', async () => {
    const source = await readFile(fixturePath('resume.pdf'));
    expect(source.kind).toBe('pdf');
    expect(source.name).toBe(fixturePath('resume.pdf'));
    expect(source.lines[0]?.text).toBe('Demo Candidate');
  });

  it('names the Source as told', async () => {
    const source = await readFile(fixturePath('notes.txt'), { name: 'notes from round 1' });
    expect(source.name).toBe('notes from round 1');
  });

  it('refuses a file over 10 MiB from its size alone, before reading it', async () => {
    const path = join(folder, 'sparse.txt');
    writeFileSync(path, '');
    // A sparse 12 MiB file of zeros: if it were read, it would fail as binary, not as too large.
    truncateSync(path, 12 * 1024 * 1024);
    await expect(readFile(path, { name: 'big.txt' })).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: 'big.txt is 12 MiB; the limit is 10 MiB per file.',
    });
  });

  it('reports a missing file as NOT_FOUND', async () => {
    const path = join(folder, 'missing.pdf');
    await expect(readFile(path)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `No file at ${path}. Check the path.`,
    });
  });

  it('refuses a folder with a message saying it is one', async () => {
    await expect(readFile(folder)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `${folder} is a folder, not a file; pick a file in it.`,
    });
  });

  it('refuses an empty file as empty', async () => {
    await expect(readFile(fixturePath('empty.txt'), { name: 'empty.txt' })).rejects.toMatchObject({
      code: 'EMPTY_INPUT',
    });
  });
});
