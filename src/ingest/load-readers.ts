import type { Source } from '../domain/index.js';
import type { ReadUrlOptions } from './read-url.js';

// The DOCX, HTML and URL readers pull in jszip, mammoth, htmlparser2 and
// Node's HTTP client, about 45 ms of imports that a run reading only local
// Markdown never needs: they load on first use.

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

/** Fetches and reads a URL, loading the HTTP client (tls, zlib, dns) on first use. */
export async function readUrlWhenNeeded(url: string, options?: ReadUrlOptions): Promise<Source> {
  const { readUrl } = await import('./read-url.js');
  return readUrl(url, options);
}
