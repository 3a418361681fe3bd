export { formatByteSize, ingestLimits } from './ingest-limits.js';
export { isPublicAddress } from './is-public-address.js';
export { readDocx } from './read-docx.js';
export { type ReadFileOptions, readFile } from './read-file.js';
export { readHtml } from './read-html.js';
export { readInput } from './read-input.js';
export { readPdf } from './read-pdf.js';
export { readText } from './read-text.js';
export { type ReadUrlOptions, readUrl } from './read-url.js';
