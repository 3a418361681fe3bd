export { formatByteSize, ingestLimits } from './ingest-limits.js';
export { isPublicAddress } from './is-public-address.js';
export {
  readDocxWhenNeeded as readDocx,
  readHtmlWhenNeeded as readHtml,
  readUrlWhenNeeded as readUrl,
} from './load-readers.js';
export { type ReadFileOptions, readFile } from './read-file.js';
export { readInput } from './read-input.js';
export { readPdf } from './read-pdf.js';
export { readText } from './read-text.js';
export type { ReadUrlOptions } from './read-url.js';
