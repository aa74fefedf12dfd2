import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'tke';
const KEY_ID = '[0-9a-f]{16}';

export const API_KEY_ID_PATTERN = new RegExp(`^${KEY_ID}$`);
const API_KEY_PATTERN = new RegExp(`^${PREFIX}_(${KEY_ID})_([A-Za-z0-9_-]{43})$`);

export interface NewApiKey {
  keyId: string;
  /** The whole key, shown once to the admin who issued it and never stored. */
  secret: string;
  secretHash: Buffer;
}

/**
 * An API key is `tke_<key id>_<secret>`: the id finds the row, the secret proves possession.
 * Keys carry 256 random bits, so a plain SHA-256 of the secret is safe to store and cheap to
 * check on every request; a slow hash is for guessable passwords.
 */
export function newApiKey(): NewApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret: `${PREFIX}_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  const match = API_KEY_PATTERN.exec(key);
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const given = hashSecret(secret);
  return given.length === storedHash.length && timingSafeEqual(given, storedHash);
}

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();
