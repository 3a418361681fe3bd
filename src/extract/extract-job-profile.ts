import type {
  JobProfile,
  Level,
  QuotedLine,
  RemotePolicy,
  Source,
  TechnologyReference,
} from '../domain/index.js';
import type { ExtractContext, PhraseMatcher } from './create-extract-context.js';
import { findKnownIds } from './find-technologies.js';
import { type SectionedLine, splitSections } from './split-sections.js';

const roleNoun =
  /\b(engineer|engineering|developer|programmer|architect|scientist|analyst|sre|devops|administrator|manager|lead|intern|internship|designer|consultant|specialist|head of|director|cto|vp)\b/i;

const niceMarker =
  /(nice[\s-]to[\s-]have|\bbonus\b|\ba (big |huge |strong )?plus\b|\bpluses\b|\bpreferred\b|\bideally\b|would be (great|nice|a plus|an advantage)|\bgreat if\b|\bhelpful\b|\bdesirable\b|not required|\boptional\b|\ban advantage\b|\bnot a must\b|\bextra credit\b)/i;

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
};

/**
 * Reads what a job posting asks for: title, company, level, years, location,
 * remote policy, required and nice-to-have technologies, responsibilities,
 * domain and culture cues. Every field keeps the posting lines it came from.
 *
 * @example
 * const job = extractJobProfile(createSource('markdown', 'posting.md', text), createExtractContext());
 * job.technologies.required.map((technology) => technology.id); // ['go', 'postgresql', ...]
 */
export function extractJobProfile(source: Source, context: ExtractContext): JobProfile {
  const lines = splitSections(source.lines);
  const title = findTitle(lines);
  const years = findYearsRequired(lines);
  return {
    title: { value: title.value, lines: title.lines },
    company: findCompany(lines, title.company),
    level: findLevel(title.value, title.lines, years),
    yearsRequired: years,
    location: findLocation(lines),
    remotePolicy: findRemotePolicy(lines),
    technologies: findPostingTechnologies(lines, context),
    responsibilities: findResponsibilities(lines),
    domain: findDomain(lines, context),
    cultureCues: context.cultureCues
      .map((cue) => ({ id: cue.id, label: cue.label, lines: linesMatching(lines, cue.phrases) }))
      .filter((cue) => cue.lines.length > 0),
  };
}

interface TitleFinding {
  value: string | null;
  lines: number[];
  company: { value: string; line: number } | undefined;
}

function findTitle(lines: readonly SectionedLine[]): TitleFinding {
  for (const line of lines.slice(0, 40)) {
    const label = /^(?:job title|title|position|role|job)\s*[:\-–—]\s*(.+)$/i.exec(line.content);
    if (label?.[1] && roleNoun.test(label[1])) return splitTitle(label[1], line.number);
  }
  const early = lines.filter((line) => line.content !== '').slice(0, 8);
  const candidate =
    early.find(
      (line) => line.isHeading && roleNoun.test(line.content) && wordCount(line.content) <= 14,
    ) ??
    early.find(
      (line) => !line.isBullet && roleNoun.test(line.content) && wordCount(line.content) <= 12,
    );
  if (!candidate) return { value: null, lines: [], company: undefined };
  return splitTitle(candidate.content, candidate.number);
}

function splitTitle(text: string, line: number): TitleFinding {
  let title = text
    .replace(
      /^(we('| a)re hiring|now hiring|hiring|job opening|open role|careers?)\s*[:!\-–—]\s*/i,
      '',
    )
    .replace(/\((?:m\/f\/d|f\/m\/d|m\/w\/d|all genders|w\/m\/d)\)/gi, '')
    .trim();
  let company: TitleFinding['company'];
  const at = /^(.+?)\s+(?:at|@)\s+([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\b(.*)$/.exec(title);
  const dash = /^(.+?)\s+[—–|]\s+(.+)$/.exec(title) ?? /^(.+?)\s+-\s+(.+)$/.exec(title);
  if (at?.[1] && at[2] && roleNoun.test(at[1])) {
    title = at[1];
    company = { value: at[2], line };
  } else if (dash?.[1] && dash[2]) {
    const [left, right] = [dash[1].trim(), dash[2].trim()];
    if (roleNoun.test(left) && !roleNoun.test(right)) {
      title = left;
      if (!/remote|hybrid|on-?site|\d/i.test(right))
        company = { value: right.replace(/\(.*\)$/, '').trim(), line };
    } else if (roleNoun.test(right) && !roleNoun.test(left)) {
      title = right;
      company = { value: left, line };
    }
  }
  title = title
    .replace(/\s*\((?:remote|hybrid|on-?site)[^)]*\)\s*$/i, '')
    .replace(/[.:]$/, '')
    .trim();
  return { value: title || null, lines: [line], company };
}

const companyStopWords = new Set([
  'We',
  'Our',
  'The',
  'You',
  'This',
  'About',
  'Join',
  'Us',
  'It',
  'They',
  'Your',
  'As',
  'At',
  'In',
  'A',
  'An',
]);

function findCompany(
  lines: readonly SectionedLine[],
  fromTitle: TitleFinding['company'],
): JobProfile['company'] {
  if (fromTitle) return { value: fromTitle.value, lines: [fromTitle.line] };
  const name = String.raw`([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})`;
  const patterns = [
    /^(?:company|employer|organi[sz]ation)\s*[:\-–—]\s*(.+)$/i,
    new RegExp(String.raw`^about\s+${name}\s*$`),
    new RegExp(String.raw`\b(?:join|at)\s+${name}(?=[\s,.!]|$)`),
    new RegExp(String.raw`^${name}\s+(?:is|are|builds|helps|makes|runs|was founded|has been)\b`),
  ];
  for (const pattern of patterns) {
    for (const line of lines.slice(0, 80)) {
      const match = pattern.exec(line.content);
      const value = match?.[1]?.trim();
      if (value && !companyStopWords.has(value.split(/\s+/)[0] ?? '') && !roleNoun.test(value)) {
        return { value, lines: [line.number] };
      }
    }
  }
  return { value: null, lines: [] };
}

function findLevel(
  title: string | null,
  titleLines: number[],
  years: JobProfile['yearsRequired'],
): JobProfile['level'] {
  const fromTitle = title ? readLevelFromTitle(title) : undefined;
  if (fromTitle)
    return {
      value: fromTitle.level,
      lines: titleLines,
      reason: `the title says "${fromTitle.word}"`,
    };
  if (years.value !== null) {
    const level: Level = years.value <= 1 ? 'junior' : years.value < 5 ? 'mid' : 'senior';
    return { value: level, lines: years.lines, reason: `${years.value}+ years asked` };
  }
  return { value: 'mid', lines: [], reason: 'no level word or years in the posting; mid assumed' };
}

/** The level a job title names, if any ("Senior", "Staff", "Engineer II" ...). */
export function readLevelFromTitle(title: string): { level: Level; word: string } | undefined {
  const rules: Array<[RegExp, Level]> = [
    [/\b(intern|internship|trainee|werkstudent|working student)\b/i, 'intern'],
    [/\b(head of|director|engineering manager|manager|vp|vice president|cto)\b/i, 'manager'],
    [/\bprincipal\b/i, 'principal'],
    [/\bstaff\b/i, 'staff'],
    [/\b(tech(nical)? lead|team lead|lead)\b/i, 'lead'],
    [/\b(senior|sr\.?)(?=\s|$)|\b(iii|3)$/i, 'senior'],
    [/\b(junior|jr\.?|entry[\s-]level|graduate|new grad|associate)(?=\s|$)|\b(i|1)$/i, 'junior'],
    [/\b(mid[\s-]?level|mid|intermediate|ii|2)\b/i, 'mid'],
  ];
  for (const [pattern, level] of rules) {
    const match = pattern.exec(title);
    if (match) return { level, word: match[0].trim() };
  }
  return undefined;
}

function findYearsRequired(lines: readonly SectionedLine[]): JobProfile['yearsRequired'] {
  const number = String.raw`(\d{1,2}|${Object.keys(numberWords).join('|')})`;
  const patterns = [
    new RegExp(
      String.raw`(?:at least|minimum(?: of)?|min\.?|over|more than)\s+${number}\s*\+?\s*(?:years?|yrs?)`,
      'i',
    ),
    new RegExp(String.raw`${number}\s*(?:-|–|—|to)\s*${number}\s*\+?\s*(?:years?|yrs?)`, 'i'),
    new RegExp(String.raw`${number}\s*(?:\+|plus)\s*(?:years?|yrs?)`, 'i'),
    new RegExp(String.raw`${number}\s*(?:years?|yrs?)\s*(?:of|in|with|or more|minimum|'|’)`, 'i'),
  ];
  const candidates = lines.filter(
    (line) =>
      !['about', 'benefits', 'legal', 'process'].includes(line.section) &&
      /experience|years? (of|in|with|building|working)|professional/i.test(line.content) &&
      !/years? (old|ago)|founded|since \d{4}|for (over )?\d+ years/i.test(line.content),
  );
  const ordered = [
    ...candidates.filter((line) => line.section === 'requirements'),
    ...candidates.filter((line) => line.section !== 'requirements'),
  ];
  for (const line of ordered) {
    // The first figure in the line is the main ask: in "7+ years, of which at
    // least 2 managing", 7 is the years required.
    let first: { index: number; value: number } | undefined;
    for (const pattern of patterns) {
      const match = pattern.exec(line.content);
      if (match?.[1] && (!first || match.index < first.index)) {
        first = { index: match.index, value: readNumber(match[1]) };
      }
    }
    if (first) return { value: first.value, lines: [line.number] };
  }
  return { value: null, lines: [] };
}

function readNumber(text: string): number {
  return numberWords[text.toLowerCase()] ?? Number(text);
}

function findLocation(lines: readonly SectionedLine[]): JobProfile['location'] {
  for (const line of lines.slice(0, 60)) {
    const match = /^(?:location|based in|office|where)\s*[:\-–—]\s*(.+)$/i.exec(line.content);
    if (match?.[1]) return { value: match[1].trim(), lines: [line.number] };
  }
  return { value: null, lines: [] };
}

function findRemotePolicy(lines: readonly SectionedLine[]): JobProfile['remotePolicy'] {
  const relevant = lines.filter(
    (line) => !['process', 'legal'].includes(line.section) && !/interview/i.test(line.content),
  );
  const rules: Array<[RegExp, RemotePolicy]> = [
    [
      /\b(not (a )?(fully )?remote|no remote|remote work is not|on-?site only|office only)\b/i,
      'onsite',
    ],
    [
      /\bhybrid\b|\b(\d|two|three|four)\s*days?\s*(a|per)\s*week\s*(in|at|from)\s*(the|our)?\s*office/i,
      'hybrid',
    ],
    [
      /\bremote\b|work from (home|anywhere)|\bwfh\b|distributed team|anywhere in (the )?(world|europe|us)/i,
      'remote',
    ],
    [
      /\bon-?site\b|\bin[\s-]office\b|\bin person\b|\bin-person\b|office-based|\bat our office\b|relocat/i,
      'onsite',
    ],
  ];
  for (const [pattern, policy] of rules) {
    const matched = relevant
      .filter((line) => pattern.test(line.content))
      .map((line) => line.number);
    if (matched.length > 0) return { value: policy, lines: matched };
  }
  return { value: null, lines: [] };
}

function findPostingTechnologies(
  lines: readonly SectionedLine[],
  context: ExtractContext,
): JobProfile['technologies'] {
  const required = new Map<string, TechnologyReference>();
  const niceToHave = new Map<string, TechnologyReference>();
  const add = (table: Map<string, TechnologyReference>, id: string, name: string, line: number) => {
    const existing = table.get(id);
    if (!existing) table.set(id, { id, name, lines: [line] });
    else if (!existing.lines.includes(line)) existing.lines.push(line);
  };
  const knownIds = findKnownIds(lines, context.matcher);
  for (const line of lines) {
    const sentences = splitSentences(line.text);
    for (const mention of context.matcher.matchLine(line.text, knownIds)) {
      const sentence = sentences.find(
        (part) => mention.start >= part.start && mention.start < part.end,
      );
      const optional =
        line.section === 'nice-to-have' ||
        (sentence !== undefined && niceMarker.test(sentence.text));
      add(optional ? niceToHave : required, mention.id, mention.name, line.number);
    }
  }
  for (const id of required.keys()) niceToHave.delete(id);
  return { required: [...required.values()], niceToHave: [...niceToHave.values()] };
}

function splitSentences(text: string): Array<{ text: string; start: number; end: number }> {
  const parts: Array<{ text: string; start: number; end: number }> = [];
  const boundary = /[.!?;](?=\s+[A-Z(])|[.!?;]$/g;
  let start = 0;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    parts.push({ text: text.slice(start, match.index + 1), start, end: match.index + 1 });
    start = match.index + 1;
  }
  if (start < text.length) parts.push({ text: text.slice(start), start, end: text.length });
  return parts;
}

function findResponsibilities(lines: readonly SectionedLine[]): QuotedLine[] {
  return lines
    .filter(
      (line) => line.section === 'responsibilities' && !line.isHeading && line.content.length > 0,
    )
    .map((line) => ({ text: line.content, line: line.number }));
}

function findDomain(
  lines: readonly SectionedLine[],
  context: ExtractContext,
): JobProfile['domain'] {
  const relevant = lines.filter((line) => !['legal', 'benefits', 'process'].includes(line.section));
  let best: { id: string; name: string; score: number; lines: number[]; first: number } | undefined;
  for (const domain of context.domains) {
    let score = 0;
    const matchedLines: number[] = [];
    for (const line of relevant) {
      // The opening lines say what the company does; later ones often list
      // customers or partners from other industries.
      const weight = line.number <= 12 ? 2 : 1;
      const hits = domain.phrases.count(line.text) * weight;
      if (hits > 0) {
        score += hits;
        matchedLines.push(line.number);
      }
    }
    const first = matchedLines[0] ?? Number.POSITIVE_INFINITY;
    if (
      score > 0 &&
      (!best || score > best.score || (score === best.score && first < best.first))
    ) {
      best = { id: domain.id, name: domain.name, score, lines: matchedLines, first };
    }
  }
  if (!best || best.score < 2) return { value: null, name: null, lines: [] };
  return { value: best.id, name: best.name, lines: best.lines };
}

function linesMatching(lines: readonly SectionedLine[], phrases: PhraseMatcher): number[] {
  return lines.filter((line) => phrases.count(line.text) > 0).map((line) => line.number);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
