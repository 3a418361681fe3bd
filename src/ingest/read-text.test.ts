import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PrepkitError } from '../domain/index.js';
import { readText } from './read-text.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));
const encode = (text: string) => new TextEncoder().encode(text);

function captureError(run: () => unknown): PrepkitError {
  try {
    run();
  } catch (error) {
    if (error instanceof PrepkitError) return error;
    throw error;
  }
  throw new Error('expected a PrepkitError');
}

describe('readText', () => {
  it('numbers the lines of a plain-text file from 1, as an editor shows them', () => {
    const source = readText(fixture('notes.txt'), 'notes.txt');
    expect(source.kind).toBe('text');
    expect(source.name).toBe('notes.txt');
    expect(source.lines[0]).toEqual({ number: 1, text: 'Company notes: Sample Logistics' });
    expect(source.lines[3]).toEqual({
      number: 4,
      text: 'Founded in 2015, around 120 people, offices in Hamburg and Lisbon.',
    });
    expect(source.lines).toHaveLength(9);
  });

  it('marks .md and .markdown files as markdown and keeps their syntax', () => {
    const source = readText(fixture('posting.md'), 'posting.md');
    expect(source.kind).toBe('markdown');
    expect(source.lines[0]?.text).toBe('# Senior Platform Engineer — Sample Logistics');
    expect(source.text).toContain('- Run our Kubernetes clusters on AWS with Terraform.');
    expect(readText(encode('# Title'), 'NOTES.MARKDOWN').kind).toBe('markdown');
  });

  it('strips a UTF-8 byte order mark and normalises CRLF line endings', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Café\r\nsecond\r\n')]);
    const source = readText(bytes, 'bom.txt');
    expect(source.lines).toEqual([
      { number: 1, text: 'Café' },
      { number: 2, text: 'second' },
    ]);
  });

  it('decodes UTF-16 little- and big-endian text that starts with a byte order mark', () => {
    const little = new Uint8Array([0xff, 0xfe, ...Buffer.from('Go ✓\nRust', 'utf16le')]);
    expect(readText(little, 'le.txt').text).toBe('Go ✓\nRust');
    const swapped = Buffer.from('Go ✓', 'utf16le').swap16();
    const big = new Uint8Array([0xfe, 0xff, ...swapped]);
    expect(readText(big, 'be.txt').text).toBe('Go ✓');
  });

  it('refuses random bytes with a .txt name as a binary file', () => {
    const error = captureError(() => readText(fixture('binary.txt'), 'binary.txt'));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('binary.txt looks like a binary file, not text');
  });

  it('refuses invalid UTF-8 even without NUL bytes', () => {
    const error = captureError(() => readText(new Uint8Array([0x48, 0x69, 0xc3, 0x28]), 'a.txt'));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('not valid UTF-8');
  });

  it('refuses text made mostly of control characters', () => {
    const error = captureError(() => readText(encode('ab\u0001\u0002\u0003\u0004cd'), 'x.txt'));
    expect(error.message).toContain('too many control characters');
  });

  it('accepts tabs and form feeds as text', () => {
    expect(readText(encode('a\tb\fc'), 'tabs.txt').text).toBe('a\tb\fc');
  });

  it('refuses an empty file and one with only whitespace as empty', () => {
    expect(captureError(() => readText(fixture('empty.txt'), 'empty.txt')).code).toBe(
      'EMPTY_INPUT',
    );
    const error = captureError(() => readText(encode(' \n\t\n  '), 'blank.md'));
    expect(error.code).toBe('EMPTY_INPUT');
    expect(error.message).toBe('blank.md is empty: it contains no text to read.');
  });
});
