import { PrepkitError, type Source } from '../domain/index.js';
import { containPdfjsRejections } from './contain-pdfjs-rejections.js';
import { createNonEmptySource } from './create-non-empty-source.js';
import { ingestLimits } from './ingest-limits.js';

type PdfDocument = Awaited<ReturnType<typeof import('unpdf').getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type PdfTextContent = Awaited<ReturnType<PdfPage['getTextContent']>>;
type PdfTextItem = Extract<PdfTextContent['items'][number], { str: string }>;

function isTextItem(item: PdfTextContent['items'][number]): item is PdfTextItem {
  return 'str' in item;
}

/**
 * Rebuilds a page's lines from its text items: a new line where pdf.js marks
 * one (`hasEOL`) or where the baseline moves by more than half the font size;
 * a space where a gap separates two items on one line.
 */
function rebuildPageLines(items: PdfTextItem[]): string[] {
  const lines: string[] = [];
  let line = '';
  let lastY: number | undefined;
  let lastEndX: number | undefined;
  for (const item of items) {
    const [, , skewX = 0, scaleY = 0, x = 0, y = 0] = item.transform as number[];
    const fontSize = Math.hypot(skewX, scaleY) || item.height || 10;
    if (lastY !== undefined && Math.abs(y - lastY) > fontSize / 2) {
      lines.push(line);
      line = '';
      lastEndX = undefined;
    } else if (
      lastEndX !== undefined &&
      x - lastEndX > fontSize * 0.15 &&
      !/\s$/.test(line) &&
      !/^\s/.test(item.str)
    ) {
      line += ' ';
    }
    line += item.str;
    if (item.str !== '') {
      lastY = y;
      lastEndX = x + item.width;
    }
    if (item.hasEOL) {
      lines.push(line);
      line = '';
      lastY = undefined;
      lastEndX = undefined;
    }
  }
  lines.push(line);
  return lines.map((text) => text.replace(/\s+/g, ' ').trim());
}

function describePdfFailure(error: unknown, name: string): PrepkitError {
  const errorName = error instanceof Error ? error.name : '';
  if (errorName === 'PasswordException') {
    return new PrepkitError(
      'UNREADABLE_FILE',
      `${name} is password-protected. Save a copy without the password (or print it to a new PDF) and try again.`,
      { cause: error },
    );
  }
  return new PrepkitError(
    'UNREADABLE_FILE',
    `${name} is not a readable PDF: the file is damaged or incomplete. Export it again from the original document.`,
    { cause: error },
  );
}

async function extractPages(document: PdfDocument, name: string): Promise<string[]> {
  if (document.numPages > ingestLimits.maxPdfPages) {
    throw new PrepkitError(
      'INPUT_TOO_LARGE',
      `${name} has ${document.numPages} pages; the limit is ${ingestLimits.maxPdfPages} pages per PDF.`,
    );
  }
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(rebuildPageLines(content.items.filter(isTextItem)).join('\n'));
    page.cleanup();
  }
  return pages;
}

/**
 * Reads a PDF's text layer page by page, keeping its lines (a resume's lines
 * stay lines). Refuses more than 200 pages, password-protected, damaged and
 * scanned (image-only) PDFs with a message saying what to do instead.
 *
 * @example
 * const source = await readPdf(await readFile('resume.pdf'), 'resume.pdf');
 * source.pages; // 2
 */
export async function readPdf(bytes: Uint8Array, name: string): Promise<Source> {
  const pages = await containPdfjsRejections(async () => {
    let document: PdfDocument | undefined;
    try {
      // pdf.js may take over the buffer it is given: hand it a copy.
      // pdf.js is loaded on first use: most commands never read a PDF.
      const { getDocumentProxy } = await import('unpdf');
      document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
      return await extractPages(document, name);
    } catch (error) {
      if (error instanceof PrepkitError) throw error;
      throw describePdfFailure(error, name);
    } finally {
      await document?.destroy();
    }
  });
  if (pages.every((page) => page.trim() === '')) {
    throw new PrepkitError(
      'UNREADABLE_FILE',
      `${name} has no text layer (it looks like a scan or an image), so prepkit cannot read it. Paste the text instead, or export the PDF again from the original document.`,
    );
  }
  return createNonEmptySource('pdf', name, pages.join('\n\n'), pages.length);
}
