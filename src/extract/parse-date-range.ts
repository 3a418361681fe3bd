/** A span of months read from a resume line; `end` is `present` for a current role. */
export interface DateRange {
  start: string;
  end: string;
  /** Where the dates stand in the line, to cut them out of the title text. */
  index: number;
  length: number;
}

const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const seasons: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  fall: [9, 11],
  autumn: [9, 11],
  winter: [12, 2],
};

const monthName = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const season = '(?:spring|summer|fall|autumn|winter)';
const oneDate = String.raw`(?:${monthName}\s+\d{4}|${monthName}\s*'\d{2}|\d{1,2}[/.]\d{4}|\d{4}[-/.]\d{1,2}(?!\d)|${season}\s+\d{4}|\d{4})`;
const present = '(?:present|current(?:ly)?|now|today|ongoing|date)';
const separator = String.raw`\s*(?:-|–|—|−|to|until|till|→|>)\s*`;
const rangePattern = new RegExp(
  String.raw`(?<![\d/])(${oneDate})${separator}(${oneDate}|${present})(?![\d/])`,
  'i',
);
const sincePattern = new RegExp(String.raw`\b(?:since|from)\s+(${oneDate})(?![\d/])`, 'i');
const seasonAlone = new RegExp(String.raw`\b(${season})\s+(\d{4})\b`, 'i');

/**
 * Finds the dates of a role in a resume line, in the many ways resumes write
 * them: "Jan 2021 – Present", "2019–2021", "03/2020 – 11/2022", "2020-03 to
 * 2022-11", "Summer 2018", "Since 2022", "Mar. 2017 — Jun. 2019".
 *
 * @example
 * parseDateRange('Backend Engineer, Jan 2021 – Present'); // { start: '2021-01', end: 'present', ... }
 */
export function parseDateRange(line: string): DateRange | undefined {
  const range = rangePattern.exec(line);
  if (range?.[1] && range[2]) {
    const start = readDate(range[1], 'start');
    const end = new RegExp(`^${present}$`, 'i').test(range[2].trim())
      ? 'present'
      : readDate(range[2], 'end');
    if (start && end && (end === 'present' || end >= start)) {
      return { start, end, index: range.index, length: range[0].length };
    }
  }
  const since = sincePattern.exec(line);
  if (since?.[1]) {
    const start = readDate(since[1], 'start');
    if (start) return { start, end: 'present', index: since.index, length: since[0].length };
  }
  const alone = seasonAlone.exec(line);
  if (alone?.[1] && alone[2]) {
    const [first, last] = seasons[alone[1].toLowerCase()] ?? [1, 12];
    const year = Number(alone[2]);
    const start = toMonth(year, first);
    const end = toMonth(last < first ? year + 1 : year, last);
    if (start && end) return { start, end, index: alone.index, length: alone[0].length };
  }
  return undefined;
}

function readDate(text: string, side: 'start' | 'end'): string | undefined {
  const value = text.trim().toLowerCase().replace(/\.$/, '');
  const named = /^([a-z]+)\.?\s*'?(\d{2,4})$/.exec(value);
  if (named?.[1] && named[2]) {
    const year = named[2].length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
    const seasonMonths = seasons[named[1]];
    if (seasonMonths) return toMonth(year, side === 'start' ? seasonMonths[0] : seasonMonths[1]);
    const month = months[named[1].slice(0, 4) === 'sept' ? 'sept' : named[1].slice(0, 3)];
    return month ? toMonth(year, month) : undefined;
  }
  const monthFirst = /^(\d{1,2})[/.](\d{4})$/.exec(value);
  if (monthFirst?.[1] && monthFirst[2])
    return toMonth(Number(monthFirst[2]), Number(monthFirst[1]));
  const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(value);
  if (yearFirst?.[1] && yearFirst[2]) return toMonth(Number(yearFirst[1]), Number(yearFirst[2]));
  if (/^\d{4}$/.test(value)) return toMonth(Number(value), side === 'start' ? 1 : 12);
  return undefined;
}

function toMonth(year: number, month: number): string | undefined {
  if (year < 1950 || year > 2100 || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * Total years covered by some month ranges, overlaps counted once, `present`
 * read as the month of `today` (both end months count); rounded to one decimal.
 */
export function sumYears(
  ranges: ReadonlyArray<{ start: string; end: string }>,
  today: Date,
): number {
  const toIndex = (month: string) => {
    const [year, number] = month.split('-').map(Number);
    return (year ?? 0) * 12 + (number ?? 1) - 1;
  };
  // A current role counts the current month, as an end month does.
  const now = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  const spans = ranges
    .map(
      (range) =>
        [toIndex(range.start), range.end === 'present' ? now : toIndex(range.end) + 1] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -1;
  let currentEnd = -1;
  for (const [start, end] of spans) {
    if (start > currentEnd) {
      total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else {
      currentEnd = Math.max(currentEnd, end);
    }
  }
  total += currentEnd - currentStart;
  return Math.round((total / 12) * 10) / 10;
}
