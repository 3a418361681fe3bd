import { writeFile } from 'node:fs/promises';
import { type ComposedDocument, PrepkitError } from '../domain/index.js';
import { renderDocx, renderMarkdown } from '../render/index.js';
import type { CliIo } from './run-cli.js';

/** The formats a composed document can be written in. */
export const documentFormats = ['md', 'docx', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** Checks a --format value for a document command; Markdown by default. */
export function readDocumentFormat(value: string | undefined): DocumentFormat {
  const format = value || 'md';
  if (!(documentFormats as readonly string[]).includes(format)) {
    throw new PrepkitError(
      'INVALID_INPUT',
      `--format must be one of ${documentFormats.join(', ')}, not ${JSON.stringify(format)}`,
    );
  }
  return format as DocumentFormat;
}

/**
 * Writes a composed document as Markdown (stdout by default), JSON, or DOCX
 * (which needs --out: a Word file is not for a terminal).
 */
export async function emitDocument(
  document: ComposedDocument,
  options: { format: DocumentFormat; cite: boolean; out?: string | undefined },
  io: CliIo,
): Promise<void> {
  if (options.format === 'docx') {
    if (!options.out)
      throw new PrepkitError('INVALID_INPUT', '--format docx needs --out <file.docx>');
    await writeFile(options.out, await renderDocx(document));
    io.stderr(`prepkit: ${document.kind} written to ${options.out}`);
    return;
  }
  const text =
    options.format === 'json'
      ? `${JSON.stringify(document, null, 2)}\n`
      : renderMarkdown(document, { cite: options.cite });
  if (options.out) {
    await writeFile(options.out, text);
    io.stderr(`prepkit: ${document.kind} written to ${options.out}`);
  } else {
    io.stdout(text.trimEnd());
  }
}
