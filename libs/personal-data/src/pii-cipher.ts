import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Field-level encryption of personal information (个人信息, PIPL art. 51: encryption as a
 * security measure) so events, projections and logs hold only tokens:
 * `pii:v1:<key id>:<iv>:<ciphertext and tag>`. Keys rotate by configuration alone: new values are
 * encrypted with the current key, old tokens still decrypt with a previous one.
 */

const PREFIX = 'pii:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[0-9a-f]{8}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

// Separate sub-keys, so the blind index (a deterministic HMAC) and GCM never share key material.
const ENCRYPTION_INFO = 'talent-engine/pii-encryption';
const BLIND_INDEX_INFO = 'talent-engine/pii-blind-index';

export type PiiDecryptionFailure = 'MALFORMED_TOKEN' | 'UNKNOWN_KEY' | 'AUTHENTICATION_FAILED';

/** Says why a token did not decrypt, never what it held: messages reach logs. */
export class PiiDecryptionError extends Error {
  constructor(
    readonly reason: PiiDecryptionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PiiDecryptionError';
  }
}

interface DerivedKey {
  readonly id: string;
  readonly encryption: Buffer;
  readonly blindIndex: Buffer;
}

export interface PiiCipherKeys {
  currentKey: Buffer;
  previousKeys?: Buffer[];
}

export class PiiCipher {
  private readonly current: DerivedKey;
  private readonly byId: ReadonlyMap<string, DerivedKey>;

  constructor({ currentKey, previousKeys = [] }: PiiCipherKeys) {
    this.current = derive(currentKey, 'current key');
    const previous = previousKeys.map((key, i) => derive(key, `previous key ${i + 1}`));
    // The current key wins should it also still be listed among the previous ones.
    this.byId = new Map([...previous, this.current].map((key) => [key.id, key]));
  }

  static fromBase64(current: string, previous: string[] = []): PiiCipher {
    return new PiiCipher({
      currentKey: fromBase64(current, 'current key'),
      previousKeys: previous.map((key, i) => fromBase64(key, `previous key ${i + 1}`)),
    });
  }

  /** A fresh key, base64-encoded, for the local launcher's first start. */
  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('base64');
  }

  /**
   * `context` (e.g. `case-123/idCardNumber`) is authenticated but not stored: a token copied to
   * another case or field no longer decrypts there.
   */
  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${this.current.id}:${iv.toString('base64url')}:${ciphertext.toString('base64url')}`;
  }

  decrypt(token: string, context: string): string {
    const { keyId, iv, ciphertext, tag } = parse(token);
    const key = this.byId.get(keyId);
    if (!key) {
      throw new PiiDecryptionError('UNKNOWN_KEY', `PII was encrypted with key ${keyId}, which is not configured`);
    }

    try {
      const decipher = createDecipheriv('aes-256-gcm', key.encryption, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiDecryptionError(
        'AUTHENTICATION_FAILED',
        'PII token failed authentication: altered, or read in a context other than the one it was encrypted for',
      );
    }
  }

  /**
   * Equal values give equal indexes, so duplicates and idempotency fingerprints can be matched
   * without plaintext; unlike a plain SHA-256, an index cannot be reversed by hashing every
   * possible phone number without the key. Indexes change when the current key rotates.
   */
  blindIndex(value: string): string {
    return createHmac('sha256', this.current.blindIndex).update(value, 'utf8').digest('hex');
  }
}

function derive(key: Buffer, name: string): DerivedKey {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new Error(`PII ${name} must be exactly ${KEY_BYTES} bytes`);
  }
  return {
    id: createHash('sha256').update(key).digest('hex').slice(0, 8),
    encryption: Buffer.from(hkdfSync('sha256', key, '', ENCRYPTION_INFO, KEY_BYTES)),
    blindIndex: Buffer.from(hkdfSync('sha256', key, '', BLIND_INDEX_INFO, KEY_BYTES)),
  };
}

// Buffer.from skips characters it cannot decode; insisting on a round trip refuses a mangled key.
function fromBase64(encoded: string, name: string): Buffer {
  const key = Buffer.from(encoded.trim(), 'base64');
  if (key.toString('base64') !== encoded.trim()) throw new Error(`PII ${name} is not valid base64`);
  return key;
}

interface ParsedToken {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parse(token: string): ParsedToken {
  const malformed = () => new PiiDecryptionError('MALFORMED_TOKEN', 'PII token is not in the pii:v1 format');
  if (!token.startsWith(PREFIX)) throw malformed();
  const [keyId, ivText, payloadText, ...rest] = token.slice(PREFIX.length).split(':');
  if (!keyId || !KEY_ID.test(keyId) || !ivText || !payloadText || rest.length > 0) throw malformed();

  const iv = decodeBase64url(ivText);
  const payload = decodeBase64url(payloadText);
  if (!iv || iv.length !== IV_BYTES || !payload || payload.length < TAG_BYTES) throw malformed();
  return {
    keyId,
    iv,
    ciphertext: payload.subarray(0, payload.length - TAG_BYTES),
    tag: payload.subarray(payload.length - TAG_BYTES),
  };
}

// Only the canonical spelling is accepted, so a token has exactly one string form.
function decodeBase64url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
