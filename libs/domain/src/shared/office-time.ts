/**
 * The office's calendar: China Standard Time (UTC+8, no daylight saving). A fact's day, month
 * and year are read in it, whatever the server's time zone.
 */
const OFFICE_OFFSET_MS = 8 * 3600_000;

const inOfficeTime = (instant: Date): Date => new Date(instant.getTime() + OFFICE_OFFSET_MS);

/** YYYY-MM-DD of `instant` in the office. */
export const officeDate = (instant: Date): string => inOfficeTime(instant).toISOString().slice(0, 10);

export const officeYear = (instant: Date): number => inOfficeTime(instant).getUTCFullYear();

/** 1–12. */
export const officeMonth = (instant: Date): number => inOfficeTime(instant).getUTCMonth() + 1;

/** `instant` moved on by calendar months in the office (the same day of the month, or the next day where it has none). */
export const addOfficeMonths = (instant: Date, months: number): Date => {
  const office = inOfficeTime(instant);
  office.setUTCMonth(office.getUTCMonth() + months);
  return new Date(office.getTime() - OFFICE_OFFSET_MS);
};
