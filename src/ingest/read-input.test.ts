import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from './read-input.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));
const encode = (text: string) => new TextEncoder().encode(text);

describe('readInput', () => {
  it('chooses the reader from the bytes before the name', async () => {
    const pdf = await readInput(fixture('resume.pdf'), 'resume.txt');
    expect(pdf.kind).toBe('pdf');
    expect(pdf.pages).toBe(2);
    const docx = await readInput(fixture('resume.docx'), 'download');
    expect(docx.kind).toBe('docx');
    expect(docx.lines[0]?.text).toBe('Demo Candidate');
  });

  it('chooses the reader from the extension for text formats', async () => {
    expect((await readInput(fixture('posting.html'), 'posting.htm')).kind).toBe('html');
    expect((await readInput(fixture('posting.md'), 'posting.md')).kind).toBe('markdown');
    const notes = await readInput(fixture('notes.txt'), 'notes.txt');
    expect(notes.kind).toBe('text');
    expect(notes.lines[0]?.text).toBe('Company notes: Sample Logistics');
  });

  it('sniffs HTML and text when the name has no extension', async () => {
    const html = await readInput(fixture('posting.html'), 'saved-page');
    expect(html.kind).toBe('html');
    expect(html.text).not.toContain('Accept all cookies');
    expect((await readInput(encode('Plain notes'), 'NOTES')).kind).toBe('text');
  });

  it('refuses input over 10 MiB, naming its size and the limit', async () => {
    await expect(readInput(new Uint8Array(11 * 1024 * 1024), 'huge.txt')).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: 'huge.txt is 11 MiB; the limit is 10 MiB per file.',
    });
  });

  it('refuses empty input, and input with only whitespace', async () => {
    await expect(readInput(fixture('empty.txt'), 'empty.txt')).rejects.toMatchObject({
      code: 'EMPTY_INPUT',
      message: 'empty.txt is empty (0 bytes).',
    });
    await expect(readInput(encode('\n \n'), 'blank.txt')).rejects.toMatchObject({
      code: 'EMPTY_INPUT',
    });
  });

  it('refuses an old Word .doc and suggests saving it as DOCX or PDF', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    await expect(readInput(ole, 'resume.doc')).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringContaining('save it as .docx or PDF'),
    });
    await expect(readInput(encode('whatever'), 'cv.doc')).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringMatching(/cv\.doc is an old Word document.*prepkit reads PDF, DOCX/),
    });
  });

  it('refuses images and other formats prepkit does not read', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await expect(readInput(png, 'scan')).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringContaining('is an image'),
    });
    await expect(readInput(fixture('resume.docx'), 'sheet.xlsx')).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringContaining('sheet.xlsx is a spreadsheet'),
    });
  });

  it('refuses binary data whatever its extension claims', async () => {
    await expect(readInput(fixture('binary.txt'), 'binary.txt')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('looks like a binary file'),
    });
    await expect(readInput(fixture('binary.txt'), 'resume.pdf')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('not a readable PDF'),
    });
  });
});
