import { PrepkitError, type Source } from '../domain/index.js';
import { hasZipSignature } from './has-zip-signature.js';
import { formatByteSize, ingestLimits } from './ingest-limits.js';
import { readDocxWhenNeeded as readDocx, readHtmlWhenNeeded as readHtml } from './load-readers.js';
import { readPdf } from './read-pdf.js';
import { readText } from './read-text.js';

const supportedFormats = 'PDF, DOCX, HTML, Markdown or plain text';

/** Extensions of formats prepkit does not read, with what to do instead. */
const unsupportedExtensions = new Map<string, string>([
  [
    '.doc',
    'is an old Word document (.doc). Open it in Word or LibreOffice and save it as .docx or PDF.',
  ],
  ['.rtf', 'is a Rich Text file. Save it as .docx, PDF or plain text.'],
  ['.odt', 'is an OpenDocument file. Save it as .docx or PDF.'],
  ['.pages', 'is a Pages document. Export it as .docx or PDF.'],
  ['.xls', 'is a spreadsheet.'],
  ['.xlsx', 'is a spreadsheet.'],
  ['.ods', 'is a spreadsheet.'],
  ['.ppt', 'is a presentation.'],
  ['.pptx', 'is a presentation.'],
  ['.odp', 'is a presentation.'],
  ['.zip', 'is a zip archive.'],
  ['.epub', 'is an e-book.'],
  ['.png', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
  ['.jpg', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
  ['.jpeg', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
  ['.gif', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
  ['.webp', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
  ['.heic', 'is an image; prepkit cannot read text in images. Paste the text instead.'],
]);

function refuseFormat(name: string, reason: string): never {
  throw new PrepkitError(
    'UNSUPPORTED_INPUT',
    `${name} ${reason} prepkit reads ${supportedFormats}.`,
  );
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** `%PDF-` within the first kilobyte, where PDF readers look for it. */
function hasPdfSignature(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/**
 * Reads a document from its bytes, choosing the reader by content first
 * (`%PDF-`, a zip archive) and by file extension next; without a known
 * extension, HTML is recognised by its start and anything else is read as
 * text (which refuses binary data). Refuses input over 10 MiB, empty input
 * and formats prepkit does not read, with what to do instead.
 *
 * @example
 * const source = await readInput(bytes, 'resume.pdf');
 * source.lines.length; // the resume's lines, numbered from 1
 */
export async function readInput(bytes: Uint8Array, name: string): Promise<Source> {
  if (bytes.length > ingestLimits.maxBytes) {
    throw new PrepkitError(
      'INPUT_TOO_LARGE',
      `${name} is ${formatByteSize(bytes.length)}; the limit is ${formatByteSize(ingestLimits.maxBytes)} per file.`,
    );
  }
  if (bytes.length === 0) {
    throw new PrepkitError('EMPTY_INPUT', `${name} is empty (0 bytes).`);
  }
  const extension = extensionOf(name);
  if (hasPdfSignature(bytes)) return readPdf(bytes, name);
  if (hasZipSignature(bytes)) {
    if (extension !== '.docx' && unsupportedExtensions.has(extension)) {
      refuseFormat(name, unsupportedExtensions.get(extension) ?? '');
    }
    return readDocx(bytes, name);
  }
  // Compound File Binary: .doc, .xls and .ppt before 2007.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    refuseFormat(
      name,
      'is an old Microsoft Office file (.doc). Open it in Word or LibreOffice and save it as .docx or PDF.',
    );
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38])
  ) {
    refuseFormat(name, 'is an image; prepkit cannot read text in images. Paste the text instead.');
  }
  const unsupported = unsupportedExtensions.get(extension);
  if (unsupported !== undefined) refuseFormat(name, unsupported);
  if (extension === '.pdf') return readPdf(bytes, name);
  if (extension === '.docx') return readDocx(bytes, name);
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') {
    return readHtml(bytes, name);
  }
  if (extension === '.md' || extension === '.markdown' || extension === '.txt') {
    return readText(bytes, name);
  }
  return looksLikeHtml(bytes) ? readHtml(bytes, name) : readText(bytes, name);
}
