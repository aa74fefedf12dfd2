import { identityCardCheckCharacter, identityCardProblem } from './identity-card';

/**
 * Finding identity-card and mobile numbers that people type into free text (remarks, reasons,
 * posts, details), however they write them, without mistaking exam-ticket numbers (准考证号),
 * scores, dates or amounts for one.
 */
export type PersonalNumberKind = 'identityCard' | 'phone';

// What people put between digit groups: spaces (ideographic too, once NFKC has made it a space),
// dashes of every kind, dots, slashes, brackets and the + of +86. Commas are left alone: they
// separate amounts and lists, and joining those would invent numbers.
const SEPARATORS = /[\s\p{Pd}./\\()+·]/gu;
const SEPARATORS_BUT_SPACE = /[\p{Pd}./\\()+·]/gu;
const DIGIT_RUNS = /\d+[Xx]?/g;

// 省级行政区划代码: the first two digits of every identity number. An exam ticket numbered by year
// (20230100123…) starts with 20, which is no province.
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
]); // prettier-ignore

const isIdentityCard = (run: string): boolean =>
  run.length === 18 &&
  PROVINCES.has(run.slice(0, 2)) &&
  identityCardCheckCharacter(run.slice(0, 17)) === run.charAt(17).toUpperCase() &&
  identityCardProblem(run) === undefined;

// The first-generation card (15 digits, two-digit birth year, no check character) was withdrawn in
// 2013 but still turns up in old files; without a check character the province and date must do.
function isOldIdentityCard(run: string): boolean {
  if (!/^\d{15}$/.test(run) || !PROVINCES.has(run.slice(0, 2))) return false;
  const birthDate = `19${run.slice(6, 8)}-${run.slice(8, 10)}-${run.slice(10, 12)}`;
  const parsed = new Date(`${birthDate}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === birthDate;
}

// Mainland mobile numbers: 11 digits in the 13–19 ranges, with or without 86 / 0086 before them.
const isPhone = (run: string): boolean => /^(?:0{0,2}86)?1[3-9]\d{9}$/.test(run);

function kindOf(run: string): PersonalNumberKind | undefined {
  if (isIdentityCard(run) || isOldIdentityCard(run)) return 'identityCard';
  if (isPhone(run)) return 'phone';
  return undefined;
}

/**
 * The kind of personal number `text` carries, if any. The text is read three ways — as typed, with
 * the separators inside digit groups removed, and with spaces removed too — so that both
 * "138 1234 5678" and "成绩 90 13812345678" are caught.
 */
export function personalNumberIn(text: string): PersonalNumberKind | undefined {
  const normalised = text.normalize('NFKC');
  const readings = [normalised, normalised.replace(SEPARATORS_BUT_SPACE, ''), normalised.replace(SEPARATORS, '')];
  for (const reading of readings) {
    for (const [run] of reading.matchAll(DIGIT_RUNS)) {
      const kind = kindOf(run);
      if (kind) return kind;
    }
  }
  return undefined;
}

/**
 * Every string (and key) in `value`, with the path a client would name it by. Numbers
 * count as text: a phone number sent as a number is still a phone number.
 */
export function* textsOf(value: unknown, path: string): Generator<[path: string, text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'number' && Number.isInteger(value)) yield [path, String(value)];
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* textsOf(item, `${path}[${index}]`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key}`;
      yield [at, key];
      yield* textsOf(item, at);
    }
  }
}

/** The paths in `fields` whose text carries a personal number, each once. */
export function pathsWithPersonalNumbers(fields: Record<string, unknown>): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(fields)) {
    for (const [path, text] of textsOf(value, name)) if (personalNumberIn(text)) found.add(path);
  }
  return [...found];
}
