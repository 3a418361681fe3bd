import { z } from 'zod';

/** Seniority levels, from title words and years asked. */
export const levels = [
  'intern',
  'junior',
  'mid',
  'senior',
  'staff',
  'principal',
  'lead',
  'manager',
] as const;
export const LevelSchema = z.enum(levels);
export type Level = z.infer<typeof LevelSchema>;

export const remotePolicies = ['remote', 'hybrid', 'onsite'] as const;
export const RemotePolicySchema = z.enum(remotePolicies);
export type RemotePolicy = z.infer<typeof RemotePolicySchema>;

/** The line numbers (1-based) of the source a value was read from. */
export const LinesSchema = z.array(z.number().int().positive());

/** A value read from a document, with the lines it came from. */
export function tracedSchema<Value extends z.ZodType>(value: Value) {
  return z.object({ value, lines: LinesSchema });
}

/** A technology the document names, with every line that names it. */
export const TechnologyReferenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  lines: LinesSchema,
});
export type TechnologyReference = z.infer<typeof TechnologyReferenceSchema>;

/** A sentence of the document kept as it was written, with its line. */
export const QuotedLineSchema = z.object({ text: z.string(), line: z.number().int().positive() });
export type QuotedLine = z.infer<typeof QuotedLineSchema>;

/** What a job posting asks for, every field with the posting lines it came from. */
export const JobProfileSchema = z.object({
  title: tracedSchema(z.string().nullable()),
  company: tracedSchema(z.string().nullable()),
  level: tracedSchema(LevelSchema).extend({
    /** Why this level: the title word or the years. */
    reason: z.string(),
  }),
  yearsRequired: tracedSchema(z.number().nonnegative().nullable()),
  location: tracedSchema(z.string().nullable()),
  remotePolicy: tracedSchema(RemotePolicySchema.nullable()),
  technologies: z.object({
    required: z.array(TechnologyReferenceSchema),
    niceToHave: z.array(TechnologyReferenceSchema),
  }),
  responsibilities: z.array(QuotedLineSchema),
  domain: tracedSchema(z.string().nullable()).extend({ name: z.string().nullable() }),
  cultureCues: z.array(z.object({ id: z.string(), label: z.string(), lines: LinesSchema })),
});
export type JobProfile = z.infer<typeof JobProfileSchema>;
