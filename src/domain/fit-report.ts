import { z } from 'zod';
import { LinesSchema } from './job-profile.js';

export const importances = ['required', 'nice-to-have'] as const;
export const gapSeverities = ['high', 'medium', 'low'] as const;

/** A technology the posting asks for, with its posting lines. */
export const RequirementSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  importance: z.enum(importances),
  /** Posting lines that ask for it. */
  lines: LinesSchema,
});
export type Requirement = z.infer<typeof RequirementSchema>;

/** Resume evidence for a requirement: a technology of the candidate and its resume lines. */
export const EvidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Resume lines that name it. */
  lines: LinesSchema,
  /** Why this evidence counts: "same technology", "Django implies Python", "both relational databases". */
  reason: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** A requirement the resume answers, directly or through a transferable skill. */
export const FitMatchSchema = z.object({
  requirement: RequirementSchema,
  kind: z.enum(['direct', 'transferable']),
  evidence: z.array(EvidenceSchema).min(1),
});
export type FitMatch = z.infer<typeof FitMatchSchema>;

/** A requirement the resume does not show directly. */
export const FitGapSchema = z.object({
  requirement: RequirementSchema,
  severity: z.enum(gapSeverities),
  /** Why this severity, in one sentence. */
  reason: z.string(),
  /** Transferable skills that offset it, if any. */
  offsetBy: z.array(EvidenceSchema),
});
export type FitGap = z.infer<typeof FitGapSchema>;

/** One part of the score, with how it was earned. */
export const ScoreComponentSchema = z.object({
  label: z.string(),
  points: z.number().nonnegative(),
  maxPoints: z.number().positive(),
  explanation: z.string(),
});
export type ScoreComponent = z.infer<typeof ScoreComponentSchema>;

/** How well a resume fits a posting, explained: evidence, gaps, level and a broken-down score. */
export const FitReportSchema = z.object({
  /** 0–100: the sum of `breakdown` points, rounded. */
  score: z.number().int().min(0).max(100),
  breakdown: z.array(ScoreComponentSchema),
  matches: z.array(FitMatchSchema),
  gaps: z.array(FitGapSchema),
  levelGap: z
    .object({
      candidateYears: z.number().nullable(),
      requiredYears: z.number(),
      /** Positive when the candidate has fewer years than asked. */
      shortfall: z.number(),
      severity: z.enum(['none', ...gapSeverities]),
      summary: z.string(),
      postingLines: LinesSchema,
      resumeLines: LinesSchema,
    })
    .nullable(),
});
export type FitReport = z.infer<typeof FitReportSchema>;
