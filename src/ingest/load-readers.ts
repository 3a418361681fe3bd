import type { Source } from '../domain/index.js';

// The DOCX and HTML readers pull in jszip, mammoth and htmlparser2, about
// 30 ms of imports that a run reading only Markdown never needs: they load
// on first use.

/** Reads a DOCX file, loading the reader on first use. */
export async function readDocxWhenNeeded(bytes: Uint8Array, name: string): Promise<Source> {
  const { readDocx } = await import('./read-docx.js');
  return readDocx(bytes, name);
}

/** Reads an HTML page, loading the reader on first use. */
export async function readHtmlWhenNeeded(
  input: Uint8Array | string,
  name: string,
): Promise<Source> {
  const { readHtml } = await import('./read-html.js');
  return readHtml(input, name);
}
