import type { CompanyProfile, DocumentItem } from '../domain/index.js';
import { notesLines } from './source-refs.js';

/**
 * The basic facts the notes give about a company (headquarters, founding
 * year, size), each cited to its line, and a research item for each fact the
 * notes do not give. Shared by the prep pack's company summary and the brief.
 */
export function listCompanyFacts(company: CompanyProfile | undefined): {
  facts: DocumentItem[];
  unknown: DocumentItem[];
} {
  const facts: DocumentItem[] = [];
  const unknown: DocumentItem[] = [];
  const fact = (
    label: string,
    value: string | number | null | undefined,
    lines: number[],
    missing: string,
  ) => {
    if (value === null || value === undefined || value === '')
      unknown.push({ text: missing, sources: [], checkbox: true });
    else facts.push({ label, text: String(value), sources: notesLines(lines) });
  };
  fact(
    'Headquarters',
    company?.headquarters.value,
    company?.headquarters.lines ?? [],
    'Find where the company is headquartered and where the team works from.',
  );
  fact(
    'Founded',
    company?.founded.value,
    company?.founded.lines ?? [],
    'Find when the company was founded.',
  );
  fact(
    'Size',
    company?.size.value,
    company?.size.lines ?? [],
    'Find the headcount and the size of engineering.',
  );
  return { facts, unknown };
}
