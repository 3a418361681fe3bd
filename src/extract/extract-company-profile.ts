import type { CompanyProfile, QuotedLine, Source } from '../domain/index.js';
import type { ExtractContext } from './create-extract-context.js';
import { findTechnologies } from './find-technologies.js';
import { type SectionedLine, splitSections } from './split-sections.js';

export type { CompanyProfile } from '../domain/index.js';

const monthYear =
  /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|q[1-4]\s+\d{4}|\d{4}-\d{2}(?:-\d{2})?|(?:19|20)\d\d)\b/i;

/**
 * Reads company facts from the candidate's notes (pasted about pages, news,
 * their own jottings): name, founding year, size, headquarters, countries,
 * funding with amounts and dates, products, values, dated news, tech stack,
 * and which lines are the candidate's own guesses.
 *
 * @example
 * const company = extractCompanyProfile(notesSource, createExtractContext());
 * company.funding[0]?.amount; // '€32M'
 */
export function extractCompanyProfile(source: Source, context: ExtractContext): CompanyProfile {
  const lines = splitSections(source.lines);
  return {
    name: findName(lines),
    founded: findFounded(lines),
    size: findFirst(
      lines,
      /\b(?:about|around|~|roughly|over|nearly)?\s*\d[\d,]*(?:\s*[–-]\s*\d[\d,]*)?\+?\s*(?:employees|people|staff|engineers)\b/i,
    ),
    headquarters: findHeadquarters(lines),
    countries: quote(
      lines.filter((line) =>
        /\b(countries|markets|jurisdictions|offices in|operat\w* in)\b/i.test(line.content),
      ),
    ),
    funding: lines
      .filter((line) =>
        /\b(series [a-f]|seed|raised|funding|round|valuation|valued at|ipo)\b/i.test(line.content),
      )
      .map((line) => ({
        text: line.content,
        line: line.number,
        round: /\b(series [a-f]|seed|pre-seed|ipo)\b/i.exec(line.content)?.[0] ?? null,
        amount:
          /[$€£]\s?\d[\d.,]*\s?(?:[kmb]n?|million|billion)?\b|\d[\d.,]*\s?(?:million|billion|[mb]n?)\s?(?:usd|eur|gbp|dollars|euros)?/i
            .exec(line.content)?.[0]
            ?.trim() ?? null,
        date: monthYear.exec(line.content)?.[0] ?? null,
        valuation:
          /valu\w*\s+(?:of\s+|at\s+)?([$€£]?\s?\d[\d.,]*\s?(?:[mb]n?|million|billion)?)/i
            .exec(line.content)?.[1]
            ?.trim() ?? null,
      })),
    products: quote(inSection(lines, /product|offering|what (they|we) (do|sell|build)|platform/i)),
    values: quote(inSection(lines, /values|principles|culture/i)),
    news: inSection(lines, /news|recent|updates|timeline|press|milestones/i).map((line) => ({
      text: line.content,
      line: line.number,
      date: monthYear.exec(line.content)?.[0] ?? null,
    })),
    techStack: findTechnologies(lines, context.matcher),
    guessLines: findGuessLines(lines),
  };
}

function quote(lines: readonly SectionedLine[]): QuotedLine[] {
  return lines
    .filter((line) => !line.isHeading && line.content !== '')
    .map((line) => ({ text: line.content, line: line.number }));
}

function inSection(lines: readonly SectionedLine[], heading: RegExp): SectionedLine[] {
  return lines.filter(
    (line) => !line.isHeading && line.content !== '' && heading.test(line.heading),
  );
}

function findFirst(lines: readonly SectionedLine[], pattern: RegExp): CompanyProfile['size'] {
  for (const line of lines) {
    const match = pattern.exec(line.content);
    if (match) return { value: match[0].trim(), lines: [line.number] };
  }
  return { value: null, lines: [] };
}

function findName(lines: readonly SectionedLine[]): CompanyProfile['name'] {
  for (const line of lines.slice(0, 40)) {
    const label = /^(?:company|name)\s*[:\-–—]\s*(.+)$/i.exec(line.content);
    if (label?.[1]) return { value: label[1].trim(), lines: [line.number] };
  }
  const heading = lines.find((line) => line.isHeading);
  if (heading) {
    const name = heading.content
      .replace(/\b(research|notes?|company|about|brief|overview)\b|[:—–-]/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (name) return { value: name, lines: [heading.number] };
  }
  return { value: null, lines: [] };
}

function findFounded(lines: readonly SectionedLine[]): CompanyProfile['founded'] {
  for (const line of lines) {
    const match = /\b(?:founded|established|started|since)\b[^.\d]{0,30}((?:19|20)\d\d)\b/i.exec(
      line.content,
    );
    if (match?.[1]) return { value: Number(match[1]), lines: [line.number] };
  }
  return { value: null, lines: [] };
}

function findHeadquarters(lines: readonly SectionedLine[]): CompanyProfile['headquarters'] {
  for (const line of lines) {
    const match =
      /\b(?:headquarter(?:ed|s)|hq|head office|based)\b\s*(?:is\s+|are\s+)?(?:in|:|—|-)?\s*([\p{Lu}][\p{L}.'-]+(?:[\s,]+[\p{Lu}][\p{L}.'-]+){0,3})/u.exec(
        line.content.replace(/\*\*/g, ''),
      );
    if (match?.[1]) return { value: match[1].replace(/[.,;]+$/, '').trim(), lines: [line.number] };
  }
  return { value: null, lines: [] };
}

function findGuessLines(lines: readonly SectionedLine[]): number[] {
  return lines
    .filter(
      (line) =>
        /\b(guess|my guess|not confirmed|unconfirmed|i think|probably|likely|inferred|assum\w+|rumou?r)\b/i.test(
          line.content,
        ) || /guess|jottings|own notes|speculat|not confirmed/i.test(line.heading),
    )
    .map((line) => line.number);
}
