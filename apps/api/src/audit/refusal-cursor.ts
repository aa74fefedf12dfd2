import type { OccurrencePosition } from '@talent/event-store';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_POSITION = 2n ** 63n - 1n;

/** Opaque to clients: the place of a page's last refusal, in the order refusals occurred. */
export function encodeRefusalCursor(position: OccurrencePosition): string {
  const parts = [position.occurredAt.toISOString(), position.globalPosition.toString()];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The place a cursor names, or undefined for anything this api did not give out. */
export function decodeRefusalCursor(cursor: string): OccurrencePosition | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [at, position] = parsed as unknown[];
  // Checked to PostgreSQL's ranges too, so that a forged cursor is a 400 and never a failed query.
  if (typeof at !== 'string' || !ISO_INSTANT.test(at) || Number.isNaN(Date.parse(at))) return undefined;
  if (typeof position !== 'string' || !/^\d{1,19}$/.test(position) || BigInt(position) > MAX_POSITION) return undefined;
  return { occurredAt: new Date(at), globalPosition: BigInt(position) };
}
