import { isWorkday } from 'chinese-days';
import { officeDate } from '@talent/domain';

const DAY_MS = 86_400_000;

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY_MS);
}

export interface WorkingDayCalendar {
  /** Local additions to the national calendar (县里的调整): extra days off and extra working days. */
  extraHolidays?: readonly string[];
  extraWorkdays?: readonly string[];
}

function isOfficeWorkday(date: string, calendar: WorkingDayCalendar): boolean {
  if (calendar.extraHolidays?.includes(date)) return false;
  if (calendar.extraWorkdays?.includes(date)) return true;
  return isWorkday(date);
}

function nextDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The last day of a public notice of `workingDays` working days starting on `start`
 * (公示期不少于5个工作日): the first day is the start date if it is a working day, else the next
 * one; weekends and public holidays do not count, make-up working days (调休) do.
 */
export function lastNoticeDay(start: Date, workingDays: number, calendar: WorkingDayCalendar = {}): string {
  let date = officeDate(start);
  let counted = 0;
  for (;;) {
    if (isOfficeWorkday(date, calendar)) counted += 1;
    if (counted === workingDays) return date;
    date = nextDate(date, 1);
  }
}

/**
 * When a notice of `workingDays` that starts at `start` is over: the end of its last working
 * day, with `dayMs` as the length of a day (shortened in tests so a notice runs in seconds).
 */
export function noticeEndsAt(
  start: Date,
  workingDays: number,
  dayMs = DAY_MS,
  calendar: WorkingDayCalendar = {},
): Date {
  const startDate = officeDate(start);
  return endOfSpan(start, daysBetween(startDate, lastNoticeDay(start, workingDays, calendar)) + 1, dayMs);
}

/** When a notice of `days` calendar days (公示期7天) that starts at `start` is over: the end of its last day. */
export function calendarNoticeEndsAt(start: Date, days: number, dayMs = DAY_MS): Date {
  return endOfSpan(start, days, dayMs);
}

/**
 * The working days of a notice still to run at `now`, today included while it is not over: what
 * the case page counts down. A notice over by `endsAt` (exclusive) has none left.
 */
export function workingDaysLeft(now: Date, endsAt: Date, calendar: WorkingDayCalendar = {}): number {
  return daysLeft(now, endsAt, (date) => isOfficeWorkday(date, calendar));
}

/** The office days from `now`'s to the last before `endsAt`, today included: a calendar-day 公示's countdown. */
export function calendarDaysLeft(now: Date, endsAt: Date): number {
  return daysLeft(now, endsAt, () => true);
}

function daysLeft(now: Date, endsAt: Date, counts: (date: string) => boolean): number {
  if (now >= endsAt) return 0;
  const lastDay = officeDate(new Date(endsAt.getTime() - 1));
  let left = 0;
  for (let date = officeDate(now); date <= lastDay; date = nextDate(date, 1)) {
    if (counts(date)) left += 1;
  }
  return left;
}

/** The end of the office day `spannedDays - 1` days after `start`'s (the start day counts as the first). */
function endOfSpan(start: Date, spannedDays: number, dayMs: number): Date {
  if (dayMs === DAY_MS) return new Date(Date.parse(`${officeDate(start)}T00:00:00+08:00`) + spannedDays * DAY_MS);
  return new Date(start.getTime() + spannedDays * dayMs);
}
