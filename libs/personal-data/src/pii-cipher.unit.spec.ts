import { createHash, randomBytes } from 'node:crypto';
import { PiiCipher, PiiDecryptionError } from './pii-cipher';

const ID_CARD = '11010519491231002X';
const CONTEXT = 'case-123/idCardNumber';

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

// Flips one bit of a decoded part, so the token stays well-formed and only authentication can catch it.
const tamper = (token: string, part: 'iv' | 'payload', byteIndex: number): string => {
  const parts = token.split(':');
  const index = part === 'iv' ? 3 : 4;
  const bytes = Buffer.from(parts[index] ?? '', 'base64url');
  bytes[byteIndex] = (bytes[byteIndex] ?? 0) ^ 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
};

const failure = (act: () => unknown): PiiDecryptionError => {
  try {
    act();
  } catch (error) {
    if (error instanceof PiiDecryptionError) return error;
    throw error;
  }
  throw new Error('expected a PiiDecryptionError');
};

describe('PII cipher', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const cipher = new PiiCipher({ currentKey: oldKey });

  it('round-trips a value through a pii:v1 token naming its key', () => {
    const token = cipher.encrypt(ID_CARD, CONTEXT);

    expect(token).toMatch(/^pii:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(token.split(':')[2]).toBe(keyId(oldKey));
    expect(token).not.toContain(ID_CARD);
    expect(cipher.decrypt(token, CONTEXT)).toBe(ID_CARD);
  });

  it('round-trips an empty value and non-ASCII text', () => {
    expect(cipher.decrypt(cipher.encrypt('', CONTEXT), CONTEXT)).toBe('');
    expect(cipher.decrypt(cipher.encrypt('张三', CONTEXT), CONTEXT)).toBe('张三');
  });

  it('uses a fresh IV for every encryption', () => {
    const first = cipher.encrypt(ID_CARD, CONTEXT);
    const second = cipher.encrypt(ID_CARD, CONTEXT);

    expect(first).not.toBe(second);
    expect(first.split(':')[3]).not.toBe(second.split(':')[3]);
  });

  it('still decrypts tokens of a previous key after rotation, and encrypts with the new one', () => {
    const before = cipher.encrypt(ID_CARD, CONTEXT);
    const rotated = new PiiCipher({ currentKey: newKey, previousKeys: [oldKey] });

    expect(rotated.decrypt(before, CONTEXT)).toBe(ID_CARD);
    expect(rotated.encrypt(ID_CARD, CONTEXT).split(':')[2]).toBe(keyId(newKey));
  });

  it('refuses a token whose key is no longer configured', () => {
    const token = cipher.encrypt(ID_CARD, CONTEXT);
    const error = failure(() => new PiiCipher({ currentKey: newKey }).decrypt(token, CONTEXT));

    expect(error.reason).toBe('UNKNOWN_KEY');
    expect(error.message).toContain(keyId(oldKey));
  });

  it('refuses a token moved to another case or field', () => {
    const token = cipher.encrypt(ID_CARD, CONTEXT);

    expect(failure(() => cipher.decrypt(token, 'case-124/idCardNumber')).reason).toBe('AUTHENTICATION_FAILED');
    expect(failure(() => cipher.decrypt(token, 'case-123/phone')).reason).toBe('AUTHENTICATION_FAILED');
  });

  it.each([
    ['the first ciphertext byte', 'payload', 0],
    ['the last tag byte', 'payload', -1],
    ['the IV', 'iv', 0],
  ] as const)('refuses a token with %s altered', (_name, part, byteIndex) => {
    const token = cipher.encrypt(ID_CARD, CONTEXT);
    const decodedLength = Buffer.from(token.split(':')[part === 'iv' ? 3 : 4] ?? '', 'base64url').length;
    const altered = tamper(token, part, byteIndex < 0 ? decodedLength + byteIndex : byteIndex);

    expect(altered).not.toBe(token);
    expect(failure(() => cipher.decrypt(altered, CONTEXT)).reason).toBe('AUTHENTICATION_FAILED');
  });

  it('refuses a token encrypted under a different key that happens to be relabelled', () => {
    const foreign = new PiiCipher({ currentKey: newKey }).encrypt(ID_CARD, CONTEXT);
    const relabelled = foreign.replace(keyId(newKey), keyId(oldKey));

    expect(failure(() => cipher.decrypt(relabelled, CONTEXT)).reason).toBe('AUTHENTICATION_FAILED');
  });

  it.each([
    ID_CARD,
    'pii:v2:00000000:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA',
    'pii:v1:XYZ:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA',
    'pii:v1:00000000:AAAA:AAAAAAAAAAAAAAAAAAAAAA',
    'pii:v1:00000000:AAAAAAAAAAAAAAAA:AAAA',
    'pii:v1:00000000:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:extra',
    'pii:v1:00000000:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA==',
  ])('refuses the malformed token %p', (token) => {
    expect(failure(() => cipher.decrypt(token, CONTEXT)).reason).toBe('MALFORMED_TOKEN');
  });

  it('never puts the plaintext or the token in an error message', () => {
    const token = cipher.encrypt(ID_CARD, CONTEXT);
    const errors = [
      failure(() => cipher.decrypt(token, 'case-999/idCardNumber')),
      failure(() => cipher.decrypt(tamper(token, 'payload', 0), CONTEXT)),
      failure(() => new PiiCipher({ currentKey: newKey }).decrypt(token, CONTEXT)),
      failure(() => cipher.decrypt(ID_CARD, CONTEXT)),
    ];

    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect(error.message).not.toContain(ID_CARD);
      expect(error.message).not.toContain(token);
      expect(error.message).not.toContain(token.split(':')[4]);
      expect(String(error.stack)).not.toContain(ID_CARD);
    }
  });

  describe('blind index', () => {
    it('is stable for equal values and differs for different ones', () => {
      const index = cipher.blindIndex(ID_CARD);

      expect(index).toMatch(/^[0-9a-f]{64}$/);
      expect(new PiiCipher({ currentKey: oldKey }).blindIndex(ID_CARD)).toBe(index);
      expect(cipher.blindIndex('13812345678')).not.toBe(index);
    });

    it('is not a plain hash of the value and differs across keys', () => {
      const index = cipher.blindIndex(ID_CARD);

      expect(index).not.toBe(createHash('sha256').update(ID_CARD).digest('hex'));
      expect(new PiiCipher({ currentKey: newKey }).blindIndex(ID_CARD)).not.toBe(index);
    });
  });

  describe('keys', () => {
    it('refuses keys that are not exactly 32 bytes', () => {
      expect(() => new PiiCipher({ currentKey: randomBytes(16) })).toThrow('PII current key must be exactly 32 bytes');
      expect(() => new PiiCipher({ currentKey: oldKey, previousKeys: [randomBytes(33)] })).toThrow(
        'PII previous key 1 must be exactly 32 bytes',
      );
    });

    it('reads base64 keys and generates fresh ones', () => {
      const current = PiiCipher.generateKey();
      const previous = oldKey.toString('base64');

      expect(Buffer.from(current, 'base64')).toHaveLength(32);
      expect(current).not.toBe(PiiCipher.generateKey());

      const cipherFromBase64 = PiiCipher.fromBase64(current, [previous]);
      expect(cipherFromBase64.decrypt(cipher.encrypt(ID_CARD, CONTEXT), CONTEXT)).toBe(ID_CARD);
      expect(cipherFromBase64.encrypt(ID_CARD, CONTEXT).split(':')[2]).toBe(keyId(Buffer.from(current, 'base64')));
    });

    it('refuses base64 that does not decode cleanly, without echoing it', () => {
      const mangled = `${PiiCipher.generateKey().slice(0, 40)}!!!=`;

      expect(() => PiiCipher.fromBase64(mangled)).toThrow('PII current key is not valid base64');
      expect(() => PiiCipher.fromBase64(mangled)).not.toThrow(mangled);
      expect(() => PiiCipher.fromBase64(PiiCipher.generateKey().slice(0, 20))).toThrow();
    });
  });
});
