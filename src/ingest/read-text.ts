import { PrepkitError, type Source } from '../domain/index.js';
import { createNonEmptySource } from './create-non-empty-source.js';

/** Share of control characters above which "text" is taken for binary data. */
const maxControlShare = 0.02;

function refuseBinary(name: string, why: string): never {
  throw new PrepkitError(
    'UNREADABLE_FILE',
    `${name} looks like a binary file, not text (${why}). Save it as UTF-8 text, or use PDF or DOCX.`,
  );
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', name: string) {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) refuseBinary(name, `it is not valid ${encoding.toUpperCase()}`);
    throw error;
  }
}

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return. */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f) count += 1;
  }
  return count;
}

/**
 * Decodes text bytes strictly: UTF-8, or UTF-16 when a byte order mark says
 * so; the mark is dropped. Bytes that are not text are refused.
 */
export function decodeTextBytes(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decode(bytes.subarray(3), 'utf-8', name);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decode(bytes.subarray(2), 'utf-16le', name);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decode(bytes.subarray(2), 'utf-16be', name);
  } else {
    if (bytes.includes(0)) refuseBinary(name, 'it contains NUL bytes');
    text = decode(bytes, 'utf-8', name);
  }
  const controls = countControlCharacters(text);
  if (controls > 0 && controls / text.length > maxControlShare) {
    refuseBinary(name, 'too many control characters');
  }
  return text;
}

/**
 * Reads plain text or Markdown (`kind: 'markdown'` for `.md` and `.markdown`).
 * Refuses binary data, invalid UTF-8 and empty text.
 *
 * @example
 * const source = readText(new TextEncoder().encode('# Notes\nFirst round'), 'notes.md');
 * source.lines[1]; // { number: 2, text: 'First round' }
 */
export function readText(bytes: Uint8Array, name: string): Source {
  const text = decodeTextBytes(bytes, name);
  const kind = /\.(md|markdown)$/i.test(name) ? 'markdown' : 'text';
  return createNonEmptySource(kind, name, text);
}
