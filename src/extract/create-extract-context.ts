import {
  type CultureCue,
  type DomainVocabulary,
  loadCultureCues,
  loadDomains,
  loadTaxonomy,
  type Taxonomy,
} from '../knowledge/index.js';
import { createTechnologyMatcher, type TechnologyMatcher } from './create-technology-matcher.js';

/** The knowledge extraction reads with, loaded and compiled once. */
export interface ExtractContext {
  taxonomy: Taxonomy;
  matcher: TechnologyMatcher;
  domains: Array<DomainVocabulary & { phrases: PhraseMatcher }>;
  cultureCues: Array<CultureCue & { phrases: PhraseMatcher }>;
}

/** What extraction reads with: a loaded knowledge base has all three. */
export interface ExtractVocabulary {
  taxonomy: Taxonomy;
  domains: DomainVocabulary[];
  cultureCues: CultureCue[];
}

/**
 * Compiles the taxonomy, domains and culture cues into matchers; without a
 * vocabulary, reads them from the knowledge folder. Costly enough to do once
 * per process, then share; a process that loads the knowledge base anyway
 * passes it, so nothing is read twice.
 *
 * @example
 * const context = createExtractContext();
 * const job = extractJobProfile(source, context);
 */
export function createExtractContext(
  vocabulary: ExtractVocabulary = {
    taxonomy: loadTaxonomy(),
    domains: loadDomains(),
    cultureCues: loadCultureCues(),
  },
): ExtractContext {
  return {
    taxonomy: vocabulary.taxonomy,
    matcher: createTechnologyMatcher(vocabulary.taxonomy),
    domains: vocabulary.domains.map((domain) => ({
      ...domain,
      phrases: createPhraseMatcher(domain.keywords),
    })),
    cultureCues: vocabulary.cultureCues.map((cue) => ({
      ...cue,
      phrases: createPhraseMatcher(cue.patterns),
    })),
  };
}

/** Finds whole-word phrases in text, case-insensitively. */
export interface PhraseMatcher {
  /** How many non-overlapping phrases the text holds, leftmost and longest first. */
  count(text: string): number;
}

const letterOrDigit = /[\p{L}\p{N}]/u;
const spacesAndHyphens = /[\s-]+/g;

// Every domain's matcher reads the same line in turn: the last line's
// normalized form is kept.
let lastText = '';
let lastNormalized = '';

/** Lower case, with every run of spaces and hyphens as one space. */
function normalize(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastNormalized = text.toLowerCase().replace(spacesAndHyphens, ' ');
  }
  return lastNormalized;
}

/** A letter or digit; ASCII is answered without the Unicode regex. */
function isLetterOrDigit(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return letterOrDigit.test(character);
}

/**
 * A matcher for phrases as whole words: case does not matter, and spaces and
 * hyphens are interchangeable ("e-commerce" matches "e commerce"). Plain
 * string search rather than one large Unicode regex, which V8 takes tens of
 * milliseconds to compile and run the first time.
 *
 * @example
 * createPhraseMatcher(['payroll', 'employer of record']).count('Payroll for an Employer-of-Record'); // 2
 */
export function createPhraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const needles = [...new Set(phrases.map(normalize).filter((phrase) => phrase.trim() !== ''))];
  const isWordCharacter = (text: string, index: number) =>
    index >= 0 && index < text.length && isLetterOrDigit(text[index] ?? '');
  return {
    count(text) {
      const haystack = normalize(text);
      const found: Array<{ start: number; end: number }> = [];
      for (const needle of needles) {
        for (
          let start = haystack.indexOf(needle);
          start !== -1;
          start = haystack.indexOf(needle, start + 1)
        ) {
          const end = start + needle.length;
          if (!isWordCharacter(haystack, start - 1) && !isWordCharacter(haystack, end)) {
            found.push({ start, end });
          }
        }
      }
      found.sort((a, b) => a.start - b.start || b.end - a.end);
      let count = 0;
      let reached = 0;
      for (const match of found) {
        if (match.start < reached) continue;
        count += 1;
        reached = match.end;
      }
      return count;
    },
  };
}
