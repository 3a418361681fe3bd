import { z } from 'zod';

/** Where a sentence of a generated document comes from. */
export const SourceRefSchema = z.union([
  z.object({
    kind: z.enum(['posting', 'resume', 'company-notes']),
    line: z.number().int().positive(),
  }),
  z.object({ kind: z.literal('knowledge'), id: z.string() }),
]);
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** One item of a section: a sentence or bullet with its sources, possibly nested. */
export interface DocumentItem {
  /** Bold lead-in, e.g. a technology name or "Situation". */
  label?: string;
  text: string;
  sources: SourceRef[];
  /** True when the item states something about the candidate: it must cite resume lines. */
  aboutCandidate?: boolean;
  /** Taxonomy ids the item names as missing from the resume, not as claimed ("I haven't used X"). */
  lacks?: string[];
  /** A Markdown checkbox item. */
  checkbox?: boolean;
  /** An empty slot for the user to fill in during the interview ("Answer:"). */
  slot?: boolean;
  children?: DocumentItem[];
}
export const DocumentItemSchema: z.ZodType<DocumentItem> = z.lazy(() =>
  z.object({
    label: z.string().optional(),
    text: z.string(),
    sources: z.array(SourceRefSchema),
    aboutCandidate: z.boolean().optional(),
    lacks: z.array(z.string()).optional(),
    checkbox: z.boolean().optional(),
    slot: z.boolean().optional(),
    children: z.array(DocumentItemSchema).optional(),
  }),
);

/** A titled part of a document; subsections nest one level. */
export interface DocumentSection {
  id: string;
  title: string;
  intro?: string;
  /** Items are numbered (1., 2., ...) instead of bulleted. */
  numbered?: boolean;
  items: DocumentItem[];
  subsections?: DocumentSection[];
}
export const DocumentSectionSchema: z.ZodType<DocumentSection> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    intro: z.string().optional(),
    numbered: z.boolean().optional(),
    items: z.array(DocumentItemSchema),
    subsections: z.array(DocumentSectionSchema).optional(),
  }),
);

/** A generated document as a structured value, before it is rendered. */
export const ComposedDocumentSchema = z.object({
  kind: z.enum(['prep-pack', 'company-brief', 'stage-notes', 'study-plan', 'star-stories']),
  title: z.string(),
  sections: z.array(DocumentSectionSchema),
});
export type ComposedDocument = z.infer<typeof ComposedDocumentSchema>;
