import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PrepkitError, parseWith } from '../domain/index.js';
import { findPackageRoot } from '../support/index.js';

/** An industry a posting can be set in, with the words that reveal it. */
export const DomainVocabularySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  keywords: z.array(z.string().min(2)).min(3),
  /** What engineering in this industry must get right: compliance, money correctness, freshness ... */
  concerns: z.array(z.string().min(8).max(400)).default([]),
  /** Terms a candidate should be able to use, each with a one-line meaning. */
  vocabulary: z
    .array(z.strictObject({ term: z.string().min(2).max(80), meaning: z.string().min(8).max(300) }))
    .default([]),
});
export type DomainVocabulary = z.infer<typeof DomainVocabularySchema>;

/** A culture cue a posting can show (async, ownership, on-call ...). */
export const CultureCueSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  patterns: z.array(z.string().min(2)).min(1),
});
export type CultureCue = z.infer<typeof CultureCueSchema>;

const DomainsFileSchema = z.strictObject({ domains: z.array(DomainVocabularySchema).min(1) });
const CultureCuesFileSchema = z.strictObject({ cultureCues: z.array(CultureCueSchema).min(1) });

function readKnowledgeJson(file: string): unknown {
  const path = join(findPackageRoot(), 'knowledge', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PrepkitError('INTERNAL', `Knowledge file ${file} cannot be read as JSON`, {
      cause: error,
    });
  }
}

/** The industries prepkit recognises, from `knowledge/domains.json`. */
export function loadDomains(): DomainVocabulary[] {
  return parseWith(
    DomainsFileSchema,
    readKnowledgeJson('domains.json'),
    'knowledge/domains.json',
    'INTERNAL',
  ).domains;
}

/** The culture cues prepkit recognises, from `knowledge/culture-cues.json`. */
export function loadCultureCues(): CultureCue[] {
  return parseWith(
    CultureCuesFileSchema,
    readKnowledgeJson('culture-cues.json'),
    'knowledge/culture-cues.json',
    'INTERNAL',
  ).cultureCues;
}
