import { createHash } from 'node:crypto';

/** A day of the plan as the calendar renderer needs it. */
export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  blocks: Array<{ title: string; minutes: number }>;
}

/**
 * The preparation plan as an iCalendar file (RFC 5545): one event per block,
 * back to back from 09:00 local time on its day, with stable ids so importing
 * the file again updates the events instead of duplicating them.
 *
 * @example
 * writeFileSync('plan.ics', renderIcs(days, { name: 'Backend Engineer prep', stamp: new Date() }));
 */
export function renderIcs(
  days: readonly CalendarDay[],
  options: { name: string; stamp: Date },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//prepkit//preparation plan//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  const stamp = formatUtc(options.stamp);
  for (const day of days) {
    let minutesFromMidnight = 9 * 60;
    for (const [index, block] of day.blocks.entries()) {
      const start = formatLocal(day.date, minutesFromMidnight);
      minutesFromMidnight += block.minutes;
      const end = formatLocal(day.date, minutesFromMidnight);
      const uid = createHash('sha1')
        .update(`${options.name}\n${day.date}\n${index}\n${block.title}`)
        .digest('hex');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid}@prepkit`,
        `DTSTAMP:${stamp}`,
        `DTSTART:${start}`,
        `DTEND:${end}`,
        `SUMMARY:${escapeText(block.title)}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const character of line) {
    if (Buffer.byteLength(current + character, 'utf8') > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
    }
    current += character;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function formatLocal(date: string, minutes: number): string {
  const day = date.replace(/-/g, '');
  const hour = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
  const minute = String(minutes % 60).padStart(2, '0');
  return `${day}T${hour}${minute}00`;
}

function formatUtc(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}
