import type { Achievement, CandidateProfile, Role, Source } from '../domain/index.js';
import type { ExtractContext } from './create-extract-context.js';
import { findTechnologies } from './find-technologies.js';
import { parseDateRange, sumYears } from './parse-date-range.js';
import { type SectionedLine, splitSections } from './split-sections.js';

const contactPattern =
  /[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d\s().-]{7,}\d|linkedin\.com|github\.com|gitlab\.com|https?:\/\//i;

// Dated entries that are not jobs: they do not count toward years of experience.
const notEmployment =
  /\b(career break|parental leave|sabbatical|retraining|gap year|travell?ing|bootcamp|degree|bachelor|master'?s|bsc|msc|ba|ma|phd|diploma|pgce|university|college|high school)\b/i;

const roleWords =
  /\b(engineer|developer|programmer|architect|scientist|analyst|sre|devops|administrator|manager|lead|intern|designer|consultant|specialist|head|director|cto|founder|advisor|adviser|teacher|lecturer|tutor|apprentice|assistant|officer|coordinator|owner|freelance|contractor|teaching assistant|researcher|student|technician|support)\b/i;

const metricPatterns: Array<[Achievement['metrics'][number]['kind'], RegExp]> = [
  ['percent', /\d+(?:[.,]\d+)?\s?%/g],
  ['multiplier', /\d+(?:[.,]\d+)?\s?[x×](?![\w])/gi],
  [
    'currency',
    /[$€£¥]\s?\d[\d,.]*\s?[kKmMbB]?|\d[\d,.]*\s?(?:k|m|million|billion)?\s?(?:usd|eur|gbp|dollars|euros)\b/gi,
  ],
  [
    'duration',
    /\d+(?:[.,]\d+)?\s?(?:ms|milliseconds?|s|secs?|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\b/gi,
  ],
  ['count', /\b\d[\d,.]*\s?(?:k|m|million|billion|\+)?\s+(?!%|years?\b)[a-z][a-z-]+/gi],
];

/**
 * Reads what a resume says: name, contact lines (to keep out of exports),
 * roles with their dates, total years with overlaps merged, technologies with
 * the roles and lines that name them, and achievements with their metrics.
 *
 * @example
 * const candidate = extractCandidateProfile(resumeSource, createExtractContext());
 * candidate.yearsOfExperience.value; // 4.4
 */
export function extractCandidateProfile(
  source: Source,
  context: ExtractContext,
  options: { today?: Date } = {},
): CandidateProfile {
  const lines = splitSections(source.lines);
  const roles = findRoles(lines);
  const dated = roles.filter(
    (role): role is Role & { start: string; end: string } => !!role.start && !!role.end,
  );
  const roleOfLine = mapLinesToRoles(lines, roles);
  return {
    name: findName(lines),
    contactLines: lines.filter((line) => contactPattern.test(line.text)).map((line) => line.number),
    roles,
    yearsOfExperience:
      dated.length === 0
        ? { value: null, lines: [] }
        : {
            value: sumYears(dated, options.today ?? new Date()),
            lines: dated.flatMap((role) => role.lines.slice(0, 1)),
          },
    technologies: findTechnologies(lines, context.matcher).map((technology) => ({
      ...technology,
      roles: [
        ...new Set(
          technology.lines
            .map((line) => roleOfLine.get(line))
            .filter((index) => index !== undefined),
        ),
      ],
    })),
    achievements: findAchievements(lines),
  };
}

function findName(lines: readonly SectionedLine[]): CandidateProfile['name'] {
  for (const line of lines.slice(0, 5)) {
    const text = line.content.trim();
    if (text === '') continue;
    if (
      /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3}$/u.test(text) &&
      !roleWords.test(text)
    ) {
      return { value: text, lines: [line.number] };
    }
    return { value: null, lines: [] };
  }
  return { value: null, lines: [] };
}

function findRoles(lines: readonly SectionedLine[]): Role[] {
  const roles: Role[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.section === 'education' || line.isBullet) continue;
    const range = parseDateRange(line.text);
    if (!range) continue;
    // A line that starts with the dates carries the location after them
    // ("2023–2024 · Lisbon, Portugal"), not the title or company.
    const datesFirst = /^[\s*_#>-]*$/.test(line.text.slice(0, range.index));
    const rest = datesFirst
      ? ''
      : cleanRoleText(
          line.text.slice(0, range.index) + line.text.slice(range.index + range.length),
        );
    let { title, company } = splitTitleAndCompany(rest);
    const used = [line.number];
    // The title and company often stand on the lines above the dates, the
    // "Title — Company" line first, then perhaps a line describing the company.
    if (!title || !company) {
      const above: SectionedLine[] = [];
      for (let back = index - 1; back >= 0 && back >= index - 3; back--) {
        const candidate = lines[back];
        if (!candidate || candidate.isBullet || parseDateRange(candidate.text)) break;
        const text = cleanRoleText(candidate.content);
        if (candidate.isHeading && candidate.section === 'experience' && !roleWords.test(text))
          break;
        if (text !== '') above.unshift(candidate);
      }
      for (const candidate of above) {
        const text = cleanRoleText(candidate.content);
        // An italic or sentence-long line describes the company, not names it.
        const isDescription =
          /^_.*_$|^\*[^*].*\*$/.test(candidate.text.trim()) || text.split(/\s+/).length > 7;
        if (isDescription) continue;
        const parts = splitTitleAndCompany(text);
        if (title && company) break;
        title ??= parts.title;
        company ??= parts.company;
        used.splice(used.length - 1, 0, candidate.number);
      }
    }
    const described = [title, company, line.text].join(' ');
    if (notEmployment.test(described)) continue;
    roles.push({ title, company, start: range.start, end: range.end, lines: used });
  }
  return roles;
}

function cleanRoleText(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/\*\*|__|[_*]/g, '')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/\s*[·•|,]\s*(remote|hybrid|on-?site)\b.*$/i, '')
    .replace(/^[\s·•|,:;()–—-]+|[\s·•|,:;()–—-]+$/g, '')
    .trim();
}

function splitTitleAndCompany(text: string): { title: string | null; company: string | null } {
  if (text === '') return { title: null, company: null };
  const parts = text
    .split(/\s+[—–|·@]\s+|\s+-\s+|,\s+|\s+at\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length >= 2) {
    const titleIndex = parts.findIndex((part) => roleWords.test(part));
    if (titleIndex >= 0) {
      const title = parts[titleIndex] ?? null;
      const company =
        parts.find(
          (part, index) => index !== titleIndex && !/^(remote|hybrid|on-?site)$/i.test(part),
        ) ?? null;
      return { title, company };
    }
    return { title: null, company: parts[0] ?? null };
  }
  return roleWords.test(text) ? { title: text, company: null } : { title: null, company: text };
}

function mapLinesToRoles(
  lines: readonly SectionedLine[],
  roles: readonly Role[],
): Map<number, number> {
  const result = new Map<number, number>();
  const starts = roles.map((role) => role.lines[0] ?? 0);
  for (const line of lines) {
    if (line.section === 'education' || line.section === 'skills') continue;
    let owner: number | undefined;
    for (const [index, start] of starts.entries()) if (line.number >= start) owner = index;
    if (owner !== undefined && (line.section === 'experience' || line.section === 'other'))
      result.set(line.number, owner);
  }
  return result;
}

function findAchievements(lines: readonly SectionedLine[]): Achievement[] {
  const achievements: Achievement[] = [];
  for (const line of lines) {
    if (!line.isBullet || line.section === 'education' || line.section === 'skills') continue;
    const metrics: Achievement['metrics'] = [];
    const taken: Array<[number, number]> = [];
    for (const [kind, pattern] of metricPatterns) {
      for (const match of line.content.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (taken.some(([from, to]) => start < to && end > from)) continue;
        if (kind === 'count' && /^(19|20)\d\d\b/.test(match[0])) continue;
        taken.push([start, end]);
        metrics.push({ kind, text: match[0].trim() });
      }
    }
    if (metrics.length > 0) achievements.push({ text: line.content, line: line.number, metrics });
  }
  return achievements;
}
