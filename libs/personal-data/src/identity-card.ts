import { officeDate } from '@talent/domain';

/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999) and mainland mobile numbers, as
 * candidates type them into forms. Each `…Problem` returns a sentence to append to the field's
 * name, or undefined when the value is acceptable.
 */

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the remainder picks the check character.
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

// Earlier birth dates belong to no living candidate and are most likely typing slips.
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Trimmed, with a lowercase check character x raised to X (the standard's only letter). */
export const normaliseIdentityCard = (value: string): string => value.trim().toUpperCase();

/** The check character that completes 17 digits. */
export function identityCardCheckCharacter(first17Digits: string): string {
  const sum = CHECK_WEIGHTS.reduce((total, weight, i) => total + weight * Number(first17Digits.charAt(i)), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/** `today` is read in the office calendar (China Standard Time), whatever the server's time zone. */
export function identityCardProblem(value: string, today: Date = new Date()): string | undefined {
  const id = normaliseIdentityCard(value);
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 18 characters: 17 digits and a check character (0-9 or X)';
  if (identityCardCheckCharacter(id.slice(0, 17)) !== id.charAt(17)) return 'has a wrong check character';

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > officeDate(today)) {
    return 'has an impossible birth date';
  }
  return undefined;
}

// V8 rolls 1990-02-30 over to 1990-03-02 instead of refusing it; the round trip catches that.
const isCalendarDate = (isoDate: string): boolean => {
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === isoDate;
};

/** Trimmed, spaces and hyphens removed, and the country code +86 / 86 stripped. */
export function normalisePhone(value: string): string {
  const compact = value.trim().replace(/[\s-]/g, '');
  return /^\+?86\d{11}$/.test(compact) ? compact.slice(-11) : compact;
}

export function phoneProblem(value: string): string | undefined {
  const phone = normalisePhone(value);
  if (!/^\d{11}$/.test(phone)) return 'must be 11 digits, optionally after +86';
  // Mainland mobile numbers are allocated in the 13–19 ranges; 10–12 are not mobile numbers.
  if (!/^1[3-9]/.test(phone)) return 'must be a mainland mobile number starting with 13 to 19';
  return undefined;
}
