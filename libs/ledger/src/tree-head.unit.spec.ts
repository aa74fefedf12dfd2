import { createPublicKey } from 'node:crypto';
import { generateSigningKey } from '@talent/event-store';
import { EMPTY_TREE_HASH } from './merkle';
import { loadLedgerSigningKey, signTreeHead, treeHeadSignedBytes, verifyTreeHead } from './tree-head';

describe('a signed tree head', () => {
  const key = loadLedgerSigningKey(generateSigningKey());
  const rootHash = Buffer.alloc(32, 0xab);
  const issuedAt = new Date('2026-03-02T08:00:00.123Z');
  const head = signTreeHead({ treeSize: 1_000_000, rootHash, issuedAt }, key);

  it('signs the RFC 6962 TreeHeadSignature: version, type, timestamp, tree size and root', () => {
    expect(treeHeadSignedBytes(1_000_000, rootHash, issuedAt).toString('hex')).toBe(
      '0001' +
        issuedAt.getTime().toString(16).padStart(16, '0') +
        (1_000_000).toString(16).padStart(16, '0') +
        'ab'.repeat(32),
    );
  });

  it('verifies with the public key alone', () => {
    expect(head).toMatchObject({ treeSize: 1_000_000, rootHash: 'ab'.repeat(32), issuedAt: issuedAt.toISOString() });
    expect(verifyTreeHead(head, createPublicKey(key))).toBe(true);
    expect(verifyTreeHead(signTreeHead({ treeSize: 0, rootHash: EMPTY_TREE_HASH, issuedAt }, key), key)).toBe(true);
  });

  it.each([
    ['another size', { treeSize: 999_999 }],
    ['another root', { rootHash: 'cd'.repeat(32) }],
    ['another time', { issuedAt: '2026-03-02T08:00:00.124Z' }],
    ['a time not written as toISOString writes it', { issuedAt: '2026-03-02T16:00:00.123+08:00' }],
    ['a malformed root', { rootHash: 'ab' }],
    ['a negative size', { treeSize: -1 }],
  ])('is refused with %s', (_, change) => {
    expect(verifyTreeHead({ ...head, ...change }, key)).toBe(false);
  });

  it('is refused under another key', () => {
    expect(verifyTreeHead(head, loadLedgerSigningKey(generateSigningKey()))).toBe(false);
  });

  it('names its key when the configured one is not an Ed25519 PKCS#8 key', () => {
    expect(() => loadLedgerSigningKey('bm90IGEga2V5')).toThrow(
      'The ledger signing key (LEDGER_SIGNING_KEY) is not a base64-encoded PKCS#8 DER private key',
    );
  });
});
