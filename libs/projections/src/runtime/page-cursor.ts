/**
 * Keyset cursors: the last row's sort key, opaque to clients. The first part is always the row's
 * time as toISOString wrote it; the rest are ids.
 */
export function encodePageCursor(parts: readonly [string, ...string[]]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

// A cursor comes back from a client and goes into SQL as parameters: what PostgreSQL cannot read
// (a time it does not parse, NUL, a lone surrogate) must be refused here as a cursor never given out.
const isCanonicalInstant = (text: string) => {
  const at = Date.parse(text);
  return Number.isFinite(at) && new Date(at).toISOString() === text;
};
const isIdText = (text: string) => text.length <= 200 && text.isWellFormed() && !text.includes('\u0000');

/** The parts of a cursor this api gave out, or undefined for anything else. */
export function decodePageCursor(cursor: string, length: number): [string, ...string[]] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== length) return undefined;
  const [at, ...ids] = parsed as unknown[];
  const valid =
    typeof at === 'string' && isCanonicalInstant(at) && ids.every((id) => typeof id === 'string' && isIdText(id));
  return valid ? (parsed as [string, ...string[]]) : undefined;
}
