import type { TechnologyReference } from '../domain/index.js';
import type { TechnologyMatcher } from './create-technology-matcher.js';

/**
 * The technologies named in some lines, each once, in order of first mention,
 * with every line that names it.
 */
export function findTechnologies(
  lines: ReadonlyArray<{ number: number; text: string }>,
  matcher: TechnologyMatcher,
): TechnologyReference[] {
  const knownIds = findKnownIds(lines, matcher);
  const found = new Map<string, TechnologyReference>();
  for (const line of lines) {
    for (const mention of matcher.matchLine(line.text, knownIds)) {
      const existing = found.get(mention.id);
      if (!existing)
        found.set(mention.id, { id: mention.id, name: mention.name, lines: [line.number] });
      else if (!existing.lines.includes(line.number)) existing.lines.push(line.number);
    }
  }
  return [...found.values()];
}

/**
 * The technologies a document names without doubt (a first pass, line by
 * line), which then lets ambiguous names elsewhere in it count when a close
 * relative is among them.
 */
export function findKnownIds(
  lines: ReadonlyArray<{ text: string }>,
  matcher: TechnologyMatcher,
): Set<string> {
  const known = new Set<string>();
  for (const line of lines)
    for (const mention of matcher.matchLine(line.text)) known.add(mention.id);
  return known;
}
