export { formatByteSize, ingestLimits } from './ingest-limits.js';
export { isPublicAddress } from './is-public-address.js';
export { readDocxWhenNeeded as readDocx, readHtmlWhenNeeded as readHtml } from './load-readers.js';
export { type ReadFileOptions, readFile } from './read-file.js';
export { readInput } from './read-input.js';
export { readPdf } from './read-pdf.js';
export { readText } from './read-text.js';
export { type ReadUrlOptions, readUrl } from './read-url.js';
