import { z } from 'zod';
import { CandidateProfileSchema } from './candidate-profile.js';
import { CompanyProfileSchema } from './company-profile.js';
import { JobProfileSchema } from './job-profile.js';

export const interviewSpeakers = ['interviewer', 'candidate'] as const;
export const InterviewSpeakerSchema = z.enum(interviewSpeakers);
export type InterviewSpeaker = z.infer<typeof InterviewSpeakerSchema>;

/** What an interviewer's turn does; candidate turns have none. */
export const interviewerActs = [
  'opening',
  'question',
  'follow-up',
  'probe',
  'security-probe',
  'rephrase',
  'closing-invite',
  'closing-answer',
  'closing',
] as const;
export const InterviewerActSchema = z.enum(interviewerActs);
export type InterviewerAct = z.infer<typeof InterviewerActSchema>;

/** The most characters one answer may have (about 20 minutes of speech). */
export const maxAnswerLength = 20_000;

/** One turn of a mock interview. */
export const InterviewTurnSchema = z.object({
  /** 1, 2, 3 ... in order; unique within an interview. */
  turn: z.number().int().positive(),
  speaker: InterviewSpeakerSchema,
  /** The id of the persona phase the turn belongs to. */
  phase: z.string().min(1),
  act: InterviewerActSchema.nullable(),
  text: z.string().max(maxAnswerLength),
  /** Seconds from the start of the interview to the start of this turn. */
  startedAtSeconds: z.number().nonnegative(),
  /** How long the turn took, in seconds: spoken, typed, or simulated at 150 words a minute. */
  durationSeconds: z.number().nonnegative(),
});
export type InterviewTurn = z.infer<typeof InterviewTurnSchema>;

/** How the interview's clock runs. */
export const clockModes = ['real', 'simulated'] as const;
export const ClockModeSchema = z.enum(clockModes);
export type ClockMode = z.infer<typeof ClockModeSchema>;

export const interviewStatuses = ['active', 'ended'] as const;
export const InterviewStatusSchema = z.enum(interviewStatuses);
export type InterviewStatus = z.infer<typeof InterviewStatusSchema>;

/** A candidate's answer as it arrives from the terminal, the web app or a script. */
export const CandidateAnswerSchema = z.object({
  text: z.string().max(maxAnswerLength),
  /** Seconds between the interviewer's question and the first word, when measured. */
  pauseSeconds: z.number().nonnegative().max(3600).optional(),
  /** How long the answer took, when measured (voice, or typing in real time). */
  durationSeconds: z.number().nonnegative().max(7200).optional(),
});
export type CandidateAnswer = z.infer<typeof CandidateAnswerSchema>;

export const verdicts = ['observed', 'partial', 'not-observed'] as const;
export const VerdictSchema = z.enum(verdicts);
export type Verdict = z.infer<typeof VerdictSchema>;

/** A quote from the candidate that supports a judgement. */
export const EvaluationEvidenceSchema = z.object({
  turn: z.number().int().positive(),
  quote: z.string(),
});
export type EvaluationEvidence = z.infer<typeof EvaluationEvidenceSchema>;

export const CriterionJudgementSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['strong', 'red-flag']),
  verdict: VerdictSchema,
  evidence: z.array(EvaluationEvidenceSchema),
  /** Why this verdict, in one sentence. */
  reason: z.string(),
});
export type CriterionJudgement = z.infer<typeof CriterionJudgementSchema>;

/** The four steps of the overall rating, best first. */
export const ratingLevels = ['strong', 'solid', 'mixed', 'not-yet'] as const;
export const RatingLevelSchema = z.enum(ratingLevels);
export type RatingLevel = z.infer<typeof RatingLevelSchema>;

export const ImprovementSchema = z.object({
  title: z.string(),
  /** The candidate turn it is about, when one. */
  turn: z.number().int().positive().nullable(),
  why: z.string(),
  /** A stronger way to say it. */
  stronger: z.string(),
  /** Knowledge-base ids the stronger answer draws on. */
  sources: z.array(z.string()),
});
export type Improvement = z.infer<typeof ImprovementSchema>;

export const DeliverySchema = z.object({
  /** Words per minute over the answers with a measured duration; null without timings. */
  wordsPerMinute: z.number().nullable(),
  fillerWords: z.object({
    total: z.number().int().nonnegative(),
    perHundredWords: z.number().nonnegative(),
    counts: z.record(z.string(), z.number().int().positive()),
  }),
  /** Pauses before an answer longer than the threshold; null without timings. */
  longPauses: z
    .object({
      thresholdSeconds: z.number(),
      count: z.number().int().nonnegative(),
      turns: z.array(z.number().int().positive()),
    })
    .nullable(),
  /** The candidate's share of the talking time (0–1). */
  talkRatio: z.number().min(0).max(1).nullable(),
  answerWords: z.object({
    count: z.number().int().nonnegative(),
    mean: z.number().nonnegative(),
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
  }),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** The STAR check of one behavioral answer. */
export const StarCheckSchema = z.object({
  turn: z.number().int().positive(),
  situation: z.boolean(),
  task: z.boolean(),
  action: z.boolean(),
  result: z.boolean(),
  /** The result has a number: a percentage, a time, a count, money. */
  measurable: z.boolean(),
  missing: z.array(z.string()),
});
export type StarCheck = z.infer<typeof StarCheckSchema>;

/** The report at the end of a mock interview. */
export const EvaluationSchema = z.object({
  criteria: z.array(CriterionJudgementSchema),
  rating: z.object({
    level: RatingLevelSchema,
    label: z.string(),
    reasons: z.array(z.string()),
  }),
  phases: z.array(z.object({ phase: z.string(), title: z.string(), notes: z.array(z.string()) })),
  improvements: z.array(ImprovementSchema),
  delivery: DeliverySchema,
  star: z.array(StarCheckSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

/**
 * What the interviewer knew of the job, the candidate and the company when the
 * interview started; kept with it so a resumed interview tailors its questions
 * the same way, even after the application's texts were edited.
 */
export const InterviewSubjectSchema = z.object({
  job: JobProfileSchema.optional(),
  candidate: CandidateProfileSchema.optional(),
  company: CompanyProfileSchema.optional(),
});
export type InterviewSubjectSnapshot = z.infer<typeof InterviewSubjectSchema>;

/** A stored mock interview. */
export const InterviewSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid().nullable(),
  personaId: z.string(),
  personaTitle: z.string(),
  /** The persona's Markdown as it was at the start, so a resumed interview asks the same questions. */
  personaMarkdown: z.string(),
  subject: InterviewSubjectSchema,
  clock: ClockModeSchema,
  status: InterviewStatusSchema,
  evaluation: EvaluationSchema.nullable(),
  /** Bumped by every change; a change must name the version it saw. */
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Interview = z.infer<typeof InterviewSchema>;

/** A stored interview as listed, without its persona text and report. */
export type InterviewSummary = Omit<Interview, 'personaMarkdown' | 'subject' | 'evaluation'> & {
  turnCount: number;
  rating: RatingLevel | null;
};
