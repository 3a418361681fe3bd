import { z } from 'zod';
import {
  LinesSchema,
  QuotedLineSchema,
  TechnologyReferenceSchema,
  tracedSchema,
} from './job-profile.js';

/** What the candidate's notes say about the company, every fact with its lines. */
export const CompanyProfileSchema = z.object({
  name: tracedSchema(z.string().nullable()),
  founded: tracedSchema(z.number().int().nullable()),
  /** As written: "about 140 people", "201–500 employees". */
  size: tracedSchema(z.string().nullable()),
  headquarters: tracedSchema(z.string().nullable()),
  /** Lines naming the countries or markets served. */
  countries: z.array(QuotedLineSchema),
  funding: z.array(
    z.object({
      text: z.string(),
      line: z.number().int().positive(),
      round: z.string().nullable(),
      amount: z.string().nullable(),
      date: z.string().nullable(),
      valuation: z.string().nullable(),
    }),
  ),
  products: z.array(QuotedLineSchema),
  values: z.array(QuotedLineSchema),
  news: z.array(QuotedLineSchema.extend({ date: z.string().nullable() })),
  techStack: z.array(TechnologyReferenceSchema),
  /** Lines the notes mark as the candidate's own guesses. */
  guessLines: LinesSchema,
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;
