import { z } from 'zod';
import { LinesSchema, TechnologyReferenceSchema, tracedSchema } from './job-profile.js';

/** A month as `YYYY-MM`. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** One position on a resume. */
export const RoleSchema = z.object({
  company: z.string().nullable(),
  title: z.string().nullable(),
  start: MonthSchema.nullable(),
  /** `present` for a current role. */
  end: z.union([MonthSchema, z.literal('present')]).nullable(),
  lines: LinesSchema,
});
export type Role = z.infer<typeof RoleSchema>;

export const metricKinds = ['percent', 'multiplier', 'currency', 'duration', 'count'] as const;

/** A resume line that states a result, with the figures in it. */
export const AchievementSchema = z.object({
  text: z.string(),
  line: z.number().int().positive(),
  metrics: z.array(z.object({ kind: z.enum(metricKinds), text: z.string() })),
});
export type Achievement = z.infer<typeof AchievementSchema>;

/** What a resume says about the candidate, every field with its resume lines. */
export const CandidateProfileSchema = z.object({
  name: tracedSchema(z.string().nullable()),
  /** Lines with email, phone or profile links: kept out of anything exported. */
  contactLines: LinesSchema,
  roles: z.array(RoleSchema),
  /** Professional years, overlapping roles counted once. */
  yearsOfExperience: tracedSchema(z.number().nonnegative().nullable()),
  technologies: z.array(
    TechnologyReferenceSchema.extend({
      /** Indexes into `roles` of the roles whose lines name it. */
      roles: z.array(z.number().int().nonnegative()),
    }),
  ),
  achievements: z.array(AchievementSchema),
});
export type CandidateProfile = z.infer<typeof CandidateProfileSchema>;
