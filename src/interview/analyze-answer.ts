import { createPhraseMatcher, type PhraseMatcher } from '../extract/index.js';
import type { AnswerSignal, InterviewVocabulary } from './interview-vocabulary.js';

/** A signal found in an answer, with the sentences that show it. */
export interface SignalHit {
  signal: AnswerSignal;
  sentences: string[];
}

/** What the director and the evaluation read from one answer. */
export interface AnswerAnalysis {
  words: number;
  sentences: string[];
  /** Signals shown, by id. */
  signals: Map<string, SignalHit>;
  /** The candidate asked something back ("how many users?"). */
  asksQuestion: boolean;
  /** Filler words and phrases, by filler, with their counts. */
  fillers: Map<string, number>;
  /** The answer's word stems, for trigger matching. */
  stems: string[];
}

/** Analyses answers with the interview vocabulary's signals and fillers. */
export interface AnswerAnalyzer {
  analyze(text: string): AnswerAnalysis;
  /** True when the text holds every stem sequence of one of the phrases. */
  mentions(analysis: AnswerAnalysis, phrases: readonly string[]): boolean;
}

interface CompiledSignal {
  signal: AnswerSignal;
  phrases: PhraseMatcher;
  patterns: RegExp[];
}

/** Splits text into sentences, keeping each sentence's own words. */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=["'“‘(]?[A-Z0-9])|\s+[—–-]{1,2}\s+(?=[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** The words of a text, lower-cased, without punctuation. */
export function listWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/**
 * A light stemmer: "caching", "cache" and "cached" give one stem; so do
 * "queues"/"queue", "retries"/"retry", "limiter"/"limiting", and
 * "idempotency"/"idempotent". Both sides of a comparison go through it, so
 * consistency matters more than linguistics.
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase().replace(/['’]s$/, '');
  if (stem.length > 4 && /(ies|ied)$/.test(stem)) stem = `${stem.slice(0, -3)}i`;
  else if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith('es')) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
  if (stem.length > 8 && /(ency|ence)$/.test(stem)) stem = stem.slice(0, -4);
  else if (stem.length > 8 && /(ent|ant)$/.test(stem)) stem = stem.slice(0, -3);
  else if (stem.length > 5 && stem.endsWith('er')) stem = stem.slice(0, -2);
  if (stem.length > 3 && stem.endsWith('y')) stem = `${stem.slice(0, -1)}i`;
  else if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

const stopWords = new Set(
  'a an and are as at be but by can could did do does for from had has have how i if in into is it its me my of on or our so that the their them then there these they this to us was we were what when where which who why will with would you your about tell walk describe think just really also very more most some any all been being one get got make made like well yes yeah okay'
    .split(' ')
    .map(stemWord),
);

/** The stems of a text's content words: no stop words, no words under three letters. */
export function listContentStems(text: string): Set<string> {
  return new Set(
    listWords(text)
      .map(stemWord)
      .filter((stem) => stem.length > 2 && !stopWords.has(stem)),
  );
}

/** How many content-word stems two texts share. */
export function countSharedStems(a: string, b: string): number {
  const first = listContentStems(a);
  let shared = 0;
  for (const stem of listContentStems(b)) if (first.has(stem)) shared += 1;
  return shared;
}

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

// "like" is counted as a filler only where a comma follows it ("it was,
// like, slow"): "I like Go" and "tools like Redis" are not fillers.
const fillerLike = /\blike(?=\s*,)/gi;

// "kind of" and "sort of" are fillers as hedges ("it was kind of slow"),
// not after a determiner ("what kind of database", "a sort of queue").
const hedge = (word: string) =>
  new RegExp(
    `(?<!\\b(?:what|which|a|an|the|this|that|any|some|every|each|one|same|other|different|right|wrong)\\s+)\\b${word} of\\b`,
    'gi',
  );

/** Fillers counted by their own rule rather than as plain phrases. */
const specialFillers = new Map<string, RegExp>([
  ['like', fillerLike],
  ['kind of', hedge('kind')],
  ['sort of', hedge('sort')],
]);

/**
 * Builds an analyzer over the interview vocabulary: signals by phrase and
 * pattern, per sentence (so evidence can quote the sentence), fillers, and
 * stems for the persona's triggers.
 *
 * @example
 * const analyzer = createAnswerAnalyzer(loadInterviewVocabulary());
 * analyzer.analyze('The trade-off is memory for latency.').signals.has('trade-offs'); // true
 */
export function createAnswerAnalyzer(vocabulary: InterviewVocabulary): AnswerAnalyzer {
  const signals: CompiledSignal[] = vocabulary.signals.map((signal) => ({
    signal,
    phrases: createPhraseMatcher(signal.phrases),
    patterns: signal.patterns.map((pattern) => new RegExp(pattern, 'iu')),
  }));
  const fillers = vocabulary.fillers
    .filter((filler) => !specialFillers.has(filler))
    .map((filler) => ({ filler, matcher: createPhraseMatcher([filler.replace(/[?]$/, '')]) }));

  return {
    analyze(text) {
      const sentences = splitSentences(text);
      const found = new Map<string, SignalHit>();
      for (const sentence of sentences) {
        for (const compiled of signals) {
          const shown =
            compiled.phrases.count(sentence) > 0 ||
            compiled.patterns.some((pattern) => pattern.test(sentence));
          if (!shown) continue;
          const hit = found.get(compiled.signal.id) ?? { signal: compiled.signal, sentences: [] };
          hit.sentences.push(sentence);
          found.set(compiled.signal.id, hit);
        }
      }
      const fillerCounts = new Map<string, number>();
      for (const { filler, matcher } of fillers) {
        const count = matcher.count(text);
        if (count > 0) fillerCounts.set(filler, count);
      }
      for (const [filler, pattern] of specialFillers) {
        if (!vocabulary.fillers.includes(filler)) continue;
        const count = text.match(pattern)?.length ?? 0;
        if (count > 0) fillerCounts.set(filler, count);
      }
      const words = listWords(text);
      return {
        words: words.length,
        sentences,
        signals: found,
        asksQuestion: /\?/.test(text),
        fillers: fillerCounts,
        stems: words.map(stemWord),
      };
    },
    mentions(analysis, phrases) {
      return phrases.some((phrase) =>
        containsSequence(analysis.stems, listWords(phrase).map(stemWord)),
      );
    },
  };
}

/**
 * How much substance an answer has, 0 to 5: length, trade-offs, reasons,
 * concrete experience or numbers, and thinking about failure, security or
 * data integrity. The director branches on it; the evaluation rates with it.
 */
export function scoreAnswerSubstance(analysis: AnswerAnalysis): number {
  const has = (id: string) => analysis.signals.has(id);
  return (
    (analysis.words >= 40 ? 1 : 0) +
    (has('trade-offs') ? 1 : 0) +
    (has('reasoning') ? 1 : 0) +
    (has('metrics') || has('real-experience') ? 1 : 0) +
    (has('failure-modes') || has('security') || has('data-integrity') ? 1 : 0)
  );
}
