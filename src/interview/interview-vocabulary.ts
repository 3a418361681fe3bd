import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { PrepkitError, parseWith } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';

/**
 * Something an answer can show (trade-offs, security, a number, blame ...):
 * found by phrases, and tied to a persona's criteria by cue words in the
 * criterion's label.
 */
export const AnswerSignalSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Lower-case description used in reports: "weighs trade-offs". */
  label: z.string().min(1),
  /** Positive signals are good to show; negative ones (blame, bluffing) are not. */
  polarity: z.enum(['positive', 'negative']),
  /** Lower-case phrases matched as whole words; spaces also match hyphens. */
  phrases: z.array(z.string().min(1)).min(1),
  /** Optional regular expressions (source, case-insensitive) for what phrases cannot say, e.g. numbers with units. */
  patterns: z.array(z.string().min(1)).default([]),
  /** Lower-case words or phrases: a criterion whose label contains one is judged by this signal. */
  criterionCues: z.array(z.string().min(1)).min(1),
});
export type AnswerSignal = z.infer<typeof AnswerSignalSchema>;

/** Extra words that fire a persona's trigger: "caching" also fires on "Redis". */
export const TriggerSynonymSchema = z.object({
  /** Lower-case words; a trigger whose text contains one of them gets the synonyms. */
  keywords: z.array(z.string().min(1)).min(1),
  synonyms: z.array(z.string().min(1)).min(1),
});
export type TriggerSynonym = z.infer<typeof TriggerSynonymSchema>;

/**
 * An answer to a question candidates often ask at the end, written as a
 * template the director fills from the persona and the job:
 * {position} {expertise} {title} {company} {technologies} {responsibility} {remote}.
 */
export const ClosingAnswerSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Lower-case phrases that show the candidate asked this. */
  cues: z.array(z.string().min(1)).min(1),
  answer: z.string().min(1),
});
export type ClosingAnswer = z.infer<typeof ClosingAnswerSchema>;

/** The vocabulary file written with the signals: `knowledge/interview/vocabulary.json`. */
export const InterviewVocabularySchema = z.object({
  signals: z.array(AnswerSignalSchema).min(1),
  triggerSynonyms: z.array(TriggerSynonymSchema),
  /** Filler words and phrases counted in delivery ("um", "you know"). */
  fillers: z.array(z.string().min(1)).min(1),
  /** Gentle rephrases for a very short answer; {question} is the question asked. */
  rephrases: z.array(z.string().includes('{question}')).min(1),
  /** Probes used when a persona lists none. */
  defaultProbes: z.array(z.string().min(1)).min(1),
  /** Security probes used when a persona lists none. */
  defaultSecurityProbes: z.array(z.string().min(1)).min(1),
  closingAnswers: z.array(ClosingAnswerSchema).min(1),
  /** Said when the candidate has no questions or after the last answer, before the persona's goodbye. */
  closingFallback: z.string().min(1),
});

/**
 * The director's own lines (`knowledge/interview/director-lines.json`): how it
 * words tailored questions and moves between topics.
 */
export const DirectorLinesSchema = z.object({
  /** About the candidate's own work: {technology} and {employer} from the resume. */
  experienceQuestion: z.string().includes('{technology}').includes('{employer}'),
  /** Before a scenario from the company's domain: {company}. */
  scenarioIntro: z.string().includes('{company}'),
  scenarioIntroNoCompany: z.string().min(1),
  /** Invites the candidate's questions when a persona has no closing phase. */
  closingInvite: z.string().min(1),
  /** Answer to an end-of-interview question no closing answer covers. */
  closingUnknown: z.string().min(1),
  /** After answering one of the candidate's questions. */
  closingMore: z.string().min(1),
  /** Said when the candidate ends the interview early. */
  endedEarly: z.string().min(1),
  /** Neutral transitions between phases, when no line of the persona fits. */
  transitions: z.array(z.string().min(1)).min(1),
  /** Moving on after a second very short answer to the same question. */
  movingOn: z.array(z.string().min(1)).min(1),
  /** Advice for an answer that showed a negative signal, by signal id, with a `default`. */
  negativeAdvice: z.record(z.string(), z.string().min(1)).refine((advice) => 'default' in advice, {
    message: 'negativeAdvice needs a default entry',
  }),
  /** Acknowledgements used when a persona lists no rapport lines. */
  defaultAcknowledgements: z.array(z.string().min(1)).min(1),
});

/** Everything the interviewer and the evaluation read from knowledge/interview/. */
export type InterviewVocabulary = z.infer<typeof InterviewVocabularySchema> &
  z.infer<typeof DirectorLinesSchema>;

/** The folder of the interview vocabulary: `knowledge/interview/`. */
export function interviewVocabularyFolder(): string {
  return join(findPackageRoot(), 'knowledge', 'interview');
}

let cached: InterviewVocabulary | undefined;

/** A path as the user would name it: relative to the package when inside it. */
function describePath(path: string): string {
  const inside = relative(findPackageRoot(), path);
  return inside.startsWith('..') ? path : inside;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PrepkitError(
      'INTERNAL',
      `The interview vocabulary ${describePath(path)} is missing or not JSON; reinstall prepkit or restore the file`,
      { cause: error },
    );
  }
}

/**
 * Reads and validates `vocabulary.json` and `director-lines.json` of
 * `knowledge/interview/` (once per process for the shipped folder).
 *
 * @example
 * const vocabulary = loadInterviewVocabulary();
 * vocabulary.signals.find((signal) => signal.id === 'trade-offs');
 */
export function loadInterviewVocabulary(folder = interviewVocabularyFolder()): InterviewVocabulary {
  const shipped = folder === interviewVocabularyFolder();
  if (cached && shipped) return cached;
  const vocabularyPath = join(folder, 'vocabulary.json');
  const linesPath = join(folder, 'director-lines.json');
  const vocabulary = {
    ...parseWith(
      InterviewVocabularySchema,
      readJson(vocabularyPath),
      describePath(vocabularyPath),
      'INTERNAL',
    ),
    ...parseWith(DirectorLinesSchema, readJson(linesPath), describePath(linesPath), 'INTERNAL'),
  };
  for (const signal of vocabulary.signals) {
    for (const pattern of signal.patterns) {
      try {
        new RegExp(pattern, 'iu');
      } catch (error) {
        throw new PrepkitError(
          'INTERNAL',
          `${describePath(vocabularyPath)}: signal ${signal.id} has an invalid pattern ${pattern}`,
          { cause: error },
        );
      }
    }
  }
  if (shipped) cached = vocabulary;
  return vocabulary;
}
