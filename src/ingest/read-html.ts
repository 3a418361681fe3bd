import { PrepkitError, type Source } from '../domain/index.js';
import { convertHtmlToText } from './convert-html-to-text.js';
import { createNonEmptySource } from './create-non-empty-source.js';

/** What careers pages say when a posting is no longer open. */
const closedPostingPhrase =
  /\b(?:(?:job|position|posting|vacancy|role)\s+(?:is|has been)\s+(?:closed|filled|removed|expired)|(?:no longer|not) (?:available|accepting applications|open|active)|(?:job|posting|listing|vacancy) (?:has )?expired|position has been filled)\b/i;

/** A page whose main content is this short and says "closed" is a closed posting. */
const closedPostingMaxLength = 600;

/** Picks the encoding a page declares: a byte order mark, then `<meta charset>`, else UTF-8. */
function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch (error) {
      // An unknown label: browsers fall back to UTF-8 as well.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Reads an HTML page (a saved job posting, an about page) and keeps its main
 * content as lines; see `convertHtmlToText` for what is dropped and kept. A
 * page that only says the posting is closed is refused rather than read as a
 * posting.
 *
 * @example
 * const source = readHtml('<main><h1>Backend Engineer</h1><p>Go &amp; SQL</p></main>', 'job.html');
 * source.text; // 'Backend Engineer\nGo & SQL'
 */
export function readHtml(input: Uint8Array | string, name: string): Source {
  const html = typeof input === 'string' ? input : decodeHtmlBytes(input);
  const text = convertHtmlToText(html);
  if (text.trim() === '') {
    throw new PrepkitError(
      'EMPTY_INPUT',
      `${name} has no readable text in its main content. If it is a job posting, it may be closed; paste its text instead.`,
    );
  }
  const closed = closedPostingPhrase.exec(text);
  if (closed !== null && text.length <= closedPostingMaxLength) {
    throw new PrepkitError(
      'EMPTY_INPUT',
      `${name} says the posting is closed ("${closed[0]}"). Paste the posting text if you saved it earlier.`,
    );
  }
  return createNonEmptySource('html', name, text);
}
