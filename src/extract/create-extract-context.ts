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
  domains: Array<DomainVocabulary & { pattern: RegExp }>;
  cultureCues: Array<CultureCue & { pattern: RegExp }>;
}

/**
 * Loads the taxonomy, domains and culture cues and compiles their patterns.
 * Costly enough to do once per process, then share.
 *
 * @example
 * const context = createExtractContext();
 * const job = extractJobProfile(source, context);
 */
export function createExtractContext(taxonomy: Taxonomy = loadTaxonomy()): ExtractContext {
  return {
    taxonomy,
    matcher: createTechnologyMatcher(taxonomy),
    domains: loadDomains().map((domain) => ({
      ...domain,
      pattern: compilePhrases(domain.keywords),
    })),
    cultureCues: loadCultureCues().map((cue) => ({
      ...cue,
      pattern: compilePhrases(cue.patterns),
    })),
  };
}

/** One case-insensitive pattern matching any of the phrases as whole words. */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const alternatives = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
