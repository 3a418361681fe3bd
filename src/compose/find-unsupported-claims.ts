import type { ComposedDocument, DocumentItem, Source } from '../domain/index.js';
import type { TechnologyMatcher } from '../extract/index.js';

/** A sentence about the candidate that its cited resume lines do not support. */
export interface UnsupportedClaim {
  text: string;
  reason: string;
}

/**
 * Checks that nothing about the candidate is invented: for every item marked
 * as about the candidate, each figure (40%, 3×, €12,000, 210 ms) and each
 * technology it names must stand in one of the resume lines it cites, except
 * the technologies it names as missing (`lacks`).
 */
export function findUnsupportedClaims(
  document: ComposedDocument,
  resume: Source,
  matcher: TechnologyMatcher,
): UnsupportedClaim[] {
  const problems: UnsupportedClaim[] = [];
  const lineText = new Map(resume.lines.map((line) => [line.number, line.text]));
  const visit = (item: DocumentItem) => {
    if (item.aboutCandidate) {
      const cited = item.sources.flatMap((source) =>
        source.kind === 'resume' ? [lineText.get(source.line) ?? ''] : [],
      );
      const text = `${item.label ? `${item.label} ` : ''}${item.text}`;
      if (cited.length === 0) problems.push({ text, reason: 'cites no resume line' });
      const evidence = cited.join('\n');
      for (const figure of text.match(/[$€£]?\d[\d,.]*\s?(?:%|×|x\b|ms\b|k\b|M\b)/g) ?? []) {
        if (!evidence.includes(figure.trim()))
          problems.push({ text, reason: `figure ${figure.trim()} is not on the cited lines` });
      }
      const citedTechnologies = new Set(
        cited.flatMap((line) => matcher.matchLine(line).map((mention) => mention.id)),
      );
      const lacking = new Set(item.lacks ?? []);
      for (const mention of matcher.matchLine(item.text)) {
        if (!citedTechnologies.has(mention.id) && !lacking.has(mention.id))
          problems.push({ text, reason: `${mention.name} is not on the cited lines` });
      }
    }
    for (const child of item.children ?? []) visit(child);
  };
  const walk = (sections: ComposedDocument['sections']) => {
    for (const section of sections) {
      for (const item of section.items) visit(item);
      walk(section.subsections ?? []);
    }
  };
  walk(document.sections);
  return problems;
}
