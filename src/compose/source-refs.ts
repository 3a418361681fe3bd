import type { SourceRef } from '../domain/index.js';

/** A posting line as a source. */
export const postingLines = (lines: readonly number[]): SourceRef[] =>
  lines.map((line) => ({ kind: 'posting', line }));

/** Resume lines as sources. */
export const resumeLines = (lines: readonly number[]): SourceRef[] =>
  lines.map((line) => ({ kind: 'resume', line }));

/** Company-notes lines as sources. */
export const notesLines = (lines: readonly number[]): SourceRef[] =>
  lines.map((line) => ({ kind: 'company-notes', line }));

/** A knowledge-base entry as a source. */
export const knowledgeEntry = (id: string): SourceRef => ({ kind: 'knowledge', id });

/** Joins names as "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A name for use inside a sentence: ordinary words lowercased, acronyms and
 * mixed-case words kept ("HR tech and payroll", "B2B SaaS", "IoT and devices").
 */
export function inSentence(name: string): string {
  return name
    .split(' ')
    .map((word) => (/^[A-Z][a-z-]*$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}
