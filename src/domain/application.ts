import { z } from 'zod';

/** Where an application stands in the candidate's pipeline, in pipeline order. */
export const applicationStatuses = [
  'saved',
  'applied',
  'interviewing',
  'offer',
  'accepted',
  'rejected',
  'withdrawn',
] as const;
export const ApplicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

/** Longest posting, resume or company notes accepted as text (characters). */
export const maxTextLength = 200_000;

const requiredLine = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(200, `${label} must be at most 200 characters`);

const longText = (label: string) =>
  z.string().max(maxTextLength, `${label} must be at most ${maxTextLength} characters`);

/** One job the candidate is preparing for: the posting and what they know around it. */
export const ApplicationSchema = z.object({
  id: z.uuid(),
  company: z.string(),
  roleTitle: z.string(),
  postingText: z.string(),
  /** Where the posting came from: a URL, a file name, or `pasted`. */
  postingSource: z.string(),
  resumeText: z.string(),
  companyNotes: z.string(),
  status: ApplicationStatusSchema,
  /** Incremented by every update; an update must name the version it edits. */
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Application = z.infer<typeof ApplicationSchema>;

/** What a user gives to create an application. */
export const NewApplicationSchema = z.strictObject({
  company: requiredLine('Company'),
  roleTitle: requiredLine('Role title'),
  postingText: longText('Posting').refine((text) => text.trim().length > 0, 'Posting is required'),
  postingSource: z.string().trim().max(2_000).default('pasted'),
  resumeText: longText('Resume').default(''),
  companyNotes: longText('Company notes').default(''),
  status: ApplicationStatusSchema.default('saved'),
});
export type NewApplication = z.input<typeof NewApplicationSchema>;
export type NewApplicationValues = z.output<typeof NewApplicationSchema>;

/** A partial update; `version` is the version the user edited. */
export const ApplicationPatchSchema = z.strictObject({
  version: z.number().int().positive(),
  company: requiredLine('Company').optional(),
  roleTitle: requiredLine('Role title').optional(),
  postingText: longText('Posting')
    .refine((text) => text.trim().length > 0, 'Posting cannot be emptied')
    .optional(),
  postingSource: z.string().trim().max(2_000).optional(),
  resumeText: longText('Resume').optional(),
  companyNotes: longText('Company notes').optional(),
  status: ApplicationStatusSchema.optional(),
});
export type ApplicationPatch = z.infer<typeof ApplicationPatchSchema>;

/** An application as listed: without the long texts, with its stage counts. */
export const ApplicationSummarySchema = ApplicationSchema.omit({
  postingText: true,
  resumeText: true,
  companyNotes: true,
}).extend({
  stageCount: z.number().int().nonnegative(),
  /** The earliest stage not yet completed or cancelled, if any. */
  nextStage: z
    .object({
      id: z.uuid(),
      kind: z.string(),
      scheduledAt: z.iso.datetime().nullable(),
    })
    .nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
