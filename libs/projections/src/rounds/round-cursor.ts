import { DomainError } from '@talent/domain';
import { decodePageCursor, encodePageCursor } from '../runtime/page-cursor';
import { UNRANKED } from './round-applicant-row';

const refused = () =>
  new DomainError('INVALID_PAYLOAD', 'cursor is not one this api gave out: pass the nextCursor of the previous page');

/** A cursor of a list sorted newest first: its last row's time, then its id. */
export function decodeTimeCursor(cursor: string): [string, string] {
  const parts = decodePageCursor(cursor, 2);
  if (!parts) throw refused();
  return parts as [string, string];
}

export const encodeTimeCursor = (at: Date, id: string): string => encodePageCursor([at.toISOString(), id]);

/**
 * The roster sorts by post, rank and ticket, not by time, so its cursor is its own: the same
 * opaque base64url JSON, and only the exact encoding of a well-formed key passes.
 */
export function encodeRankCursor(postCode: string, rankKey: number, ticket: string): string {
  return Buffer.from(JSON.stringify([postCode, rankKey, ticket])).toString('base64url');
}

export function decodeRankCursor(cursor: string): [string, number, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw refused();
  const [postCode, rankKey, ticket] = parsed as unknown[];
  const valid =
    typeof postCode === 'string' &&
    typeof ticket === 'string' &&
    Number.isInteger(rankKey) &&
    (rankKey as number) >= 1 &&
    (rankKey as number) <= UNRANKED &&
    encodeRankCursor(postCode, rankKey as number, ticket) === cursor &&
    [postCode, ticket].every((text) => text.length <= 200 && text.isWellFormed() && !text.includes('\u0000'));
  if (!valid) throw refused();
  return [postCode, rankKey as number, ticket];
}
