import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdf } from './read-pdf.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));

describe('readPdf', () => {
  it('reads both pages of a resume and keeps each printed line as a line', async () => {
    const source = await readPdf(fixture('resume.pdf'), 'resume.pdf');
    expect(source.kind).toBe('pdf');
    expect(source.pages).toBe(2);
    expect(source.lines[0]).toEqual({ number: 1, text: 'Demo Candidate' });
    const texts = source.lines.map((line) => line.text);
    expect(texts).toContain('Senior Backend Engineer, Example Payments Ltd — Mar 2021 to present');
    expect(texts).toContain('• Cut p95 checkout API latency by 40% by moving hot reads to Redis.');
    expect(texts).toContain('BSc Computer Science, Example University — 2014 to 2018');
  });

  it('keeps the order of the lines across pages', async () => {
    const { text } = await readPdf(fixture('resume.pdf'), 'resume.pdf');
    const experience = text.indexOf('Introduced contract tests');
    const skills = text.indexOf('TypeScript, Node.js, Go');
    expect(experience).toBeGreaterThan(0);
    expect(skills).toBeGreaterThan(experience);
  });

  it('does not modify the bytes it is given', async () => {
    const bytes = fixture('resume.pdf');
    const copy = bytes.slice();
    await readPdf(bytes, 'resume.pdf');
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });

  it('refuses more than 200 pages as too large', async () => {
    await expect(readPdf(fixture('over-200-pages.pdf'), 'long.pdf')).rejects.toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: 'long.pdf has 201 pages; the limit is 200 pages per PDF.',
    });
  });

  it('refuses a password-protected PDF and says so', async () => {
    await expect(readPdf(fixture('encrypted.pdf'), 'locked.pdf')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('locked.pdf is password-protected'),
    });
  });

  it('refuses a truncated PDF as damaged', async () => {
    await expect(readPdf(fixture('corrupt.pdf'), 'corrupt.pdf')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringContaining('damaged or incomplete'),
    });
  });

  it('refuses a scanned PDF without a text layer and suggests pasting the text', async () => {
    await expect(readPdf(fixture('scanned.pdf'), 'scan.pdf')).rejects.toMatchObject({
      code: 'UNREADABLE_FILE',
      message: expect.stringMatching(/scan\.pdf has no text layer.*Paste the text instead/),
    });
  });
});
