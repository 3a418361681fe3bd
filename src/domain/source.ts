import { z } from 'zod';

/** What kind of input a Source was read from. */
export const sourceKinds = ['pdf', 'docx', 'html', 'markdown', 'text', 'url'] as const;
export const SourceKindSchema = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** One line of a Source; `number` starts at 1, as an editor shows it. */
export const SourceLineSchema = z.object({
  number: z.number().int().positive(),
  text: z.string(),
});
export type SourceLine = z.infer<typeof SourceLineSchema>;

/**
 * A document prepkit has read (resume, posting, company notes), as plain text
 * with numbered lines, so everything extracted from it can point back to the
 * lines it came from.
 */
export const SourceSchema = z.object({
  kind: SourceKindSchema,
  /** A file name or URL, as the user gave it. */
  name: z.string(),
  text: z.string(),
  lines: z.array(SourceLineSchema),
  /** For PDFs: the page count. */
  pages: z.number().int().positive().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * Makes a Source from text already extracted: line endings normalised to
 * `\n`, trailing spaces trimmed, runs of more than one blank line collapsed.
 */
export function createSource(
  kind: SourceKind,
  name: string,
  rawText: string,
  pages?: number,
): Source {
  const normalised = rawText
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v ]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
  const lines =
    normalised === ''
      ? []
      : normalised.split('\n').map((text, index) => ({ number: index + 1, text }));
  return pages === undefined
    ? { kind, name, text: normalised, lines }
    : { kind, name, text: normalised, lines, pages };
}
