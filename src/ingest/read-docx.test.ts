import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from './read-docx.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

async function makeZip(files: Record<string, Uint8Array | string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(files)) zip.file(path, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('readDocx', () => {
  it('reads headings, paragraphs and bullets of a Word resume as lines', async () => {
    const source = await readDocx(fixture('resume.docx'), 'resume.docx');
    expect(source.kind).toBe('docx');
    expect(source.lines[0]).toEqual({ number: 1, text: 'Demo Candidate' });
    expect(source.text).toContain(
      'Experience\nSenior Backend Engineer, Example Payments Ltd — Mar 2021 to present\n- Cut p95 checkout API latency by 40% by moving hot reads to Redis.',
    );
    expect(source.text).toContain('Skills\nTypeScript, Node.js, Go, PostgreSQL');
  });

  it('refuses a file that is not a zip archive as not a Word document', async () => {
    await expect(readDocx(fixture('not-a-zip.docx'), 'not-a-zip.docx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('not-a-zip.docx is not a Word document'),
    });
  });

  it('refuses a zip bomb from its central directory, without unpacking it', async () => {
    const started = performance.now();
    await expect(readDocx(fixture('zip-bomb.docx'), 'bomb.docx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('looks like a zip bomb'),
    });
    // Unpacking 60 MiB would take far longer than reading a directory.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses archives that would unpack to more than 50 MiB in total, even when no single entry is large', async () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': new Uint8Array(10) };
    for (let index = 0; index < 52; index += 1) {
      files[`word/media/part-${index}.bin`] = new Uint8Array(1024 * 1024);
    }
    await expect(readDocx(await makeZip(files), 'wide.docx')).rejects.toMatchObject({
      message: expect.stringMatching(/would unpack to 5\d\.\d MiB \(the limit is 50 MiB\)/),
    });
  });

  it('refuses archives with more than 2,000 entries', async () => {
    const files: Record<string, string> = { 'word/document.xml': '<w:document/>' };
    for (let index = 0; index < 2_001; index += 1) files[`word/parts/${index}.xml`] = 'x';
    await expect(readDocx(await makeZip(files), 'many.docx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('at most 2000 are accepted'),
    });
  });

  it('refuses a zip without word/document.xml as not a Word document', async () => {
    const zip = await makeZip({ 'readme.txt': 'hello' });
    await expect(readDocx(zip, 'archive.docx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message:
        'archive.docx is a zip archive but not a Word document (it has no word/document.xml).',
    });
  });

  it('refuses a damaged zip archive', async () => {
    const damaged = fixture('resume.docx').slice(0, 2_000);
    await expect(readDocx(damaged, 'cut.docx')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining(
        'cut.docx is not a Word document: the zip archive is damaged',
      ),
    });
  });
});
