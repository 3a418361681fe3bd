import { PrepkitError, type Source } from '../domain/index.js';
import { checkDocxArchive } from './check-docx-archive.js';
import { convertHtmlToText } from './convert-html-to-text.js';
import { createNonEmptySource } from './create-non-empty-source.js';

/**
 * Reads a Word document (.docx): checks the archive first (zip bombs, not a
 * Word file), then converts it with mammoth to HTML and keeps headings,
 * paragraphs, list items (`- `) and table rows as lines.
 *
 * @example
 * const source = await readDocx(await readFile('resume.docx'), 'resume.docx');
 * source.kind; // 'docx'
 */
export async function readDocx(bytes: Uint8Array, name: string): Promise<Source> {
  await checkDocxArchive(bytes, name);
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Loaded on first use: most commands never read a Word file.
    const { default: mammoth } = await import('mammoth');
    // Images are never read: an empty `src` keeps mammoth from unpacking them.
    const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
    const result = await mammoth.convertToHtml(
      { buffer },
      { convertImage: skipImages, externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    throw new PrepkitError(
      'UNREADABLE_FILE',
      `${name} is not a readable Word document: it is damaged. Open it in Word or LibreOffice and save it again, or export it as PDF.`,
      { cause: error },
    );
  }
  return createNonEmptySource('docx', name, convertHtmlToText(html));
}
