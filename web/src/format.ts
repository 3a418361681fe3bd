import {
  type ApplicationStatus,
  type StageStatus,
  stageKindLabels,
} from '../../src/domain/index.js';

/** Labels of application statuses, in the user's words. */
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  saved: 'Saved',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** Labels of stage statuses. */
export const stageStatusLabels: Record<StageStatus, string> = {
  planned: 'Planned',
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The label of a stage kind; an unknown kind is shown as it is. */
export function formatStageKind(kind: string): string {
  return kind in stageKindLabels ? stageKindLabels[kind as keyof typeof stageKindLabels] : kind;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A date and time in the user's locale and time zone, e.g. `Thu, 14 Mar 2030, 15:30`. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const relativeTimeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** How far `iso` is from `now`, e.g. `in 3 days`, `tomorrow`, `in 2 weeks`, `2 hours ago`. */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const difference = new Date(iso).getTime() - now.getTime();
  const days = difference / dayMs;
  if (Math.abs(difference) < dayMs) {
    const hours = Math.round(difference / hourMs);
    return hours === 0
      ? relativeTimeFormat.format(Math.round(difference / 60_000), 'minute')
      : relativeTimeFormat.format(hours, 'hour');
  }
  if (Math.abs(days) < 14) return relativeTimeFormat.format(Math.round(days), 'day');
  if (Math.abs(days) < 60) return relativeTimeFormat.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 365) return relativeTimeFormat.format(Math.round(days / 30.44), 'month');
  return relativeTimeFormat.format(Math.round(days / 365.25), 'year');
}

/**
 * Turns the value of an `<input type="datetime-local">` (`2030-03-14T15:30`,
 * the user's wall-clock time) into ISO 8601 with the user's UTC offset at that
 * date (`2030-03-14T15:30:00+01:00`), as the API expects. Empty gives null.
 */
export function convertLocalDateTimeToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (number: number) => String(number).padStart(2, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${offset}`
  );
}

/** "1 stage", "4 stages". */
export function formatStageCount(count: number): string {
  return count === 1 ? '1 stage' : `${count} stages`;
}
