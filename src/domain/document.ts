import { z } from 'zod';

/** The documents prepkit writes and keeps, each versioned. */
export const documentKinds = [
  'prep-pack',
  'company-brief',
  'stage-notes',
  'study-plan',
  'star-stories',
  'fit-report',
  'interview-report',
] as const;
export const DocumentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** Largest rendered Markdown kept for one document version (characters). */
export const maxMarkdownLength = 1_000_000;

/** A JSON value, as stored in a document's structured content. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/**
 * One saved version of a document. Saving never overwrites: it adds version
 * n + 1, and every earlier version stays readable.
 */
export const DocumentVersionSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  /** Set for stage notes: the stage they belong to. */
  stageId: z.uuid().nullable(),
  kind: DocumentKindSchema,
  version: z.number().int().positive(),
  /** The structured value the Markdown was rendered from. */
  content: JsonValueSchema,
  markdown: z.string(),
  createdAt: z.iso.datetime(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;

/** A save: `baseVersion` is the version the user edited (0 for a new document). */
export const SaveDocumentSchema = z.strictObject({
  stageId: z.uuid().nullable().default(null),
  baseVersion: z.number().int().nonnegative(),
  content: JsonValueSchema,
  markdown: z
    .string()
    .max(maxMarkdownLength, `Markdown must be at most ${maxMarkdownLength} characters`),
});
export type SaveDocument = z.input<typeof SaveDocumentSchema>;
export type SaveDocumentValues = z.output<typeof SaveDocumentSchema>;
