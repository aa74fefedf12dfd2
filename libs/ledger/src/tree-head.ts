import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
// The module, not the lib's index: the offline verifier loads this file and needs no database driver.
import { auditKeyId, loadSigningKey } from '../../event-store/src/stream-export';

/** A signed statement of the whole log at one moment: how many events, and their Merkle root. */
export interface TreeHead {
  treeSize: number;
  /** The RFC 6962 Merkle Tree Hash of the first `treeSize` events, hex. */
  rootHash: string;
  /** When it was signed, ISO 8601 with milliseconds. */
  issuedAt: string;
  /** Which key signed it: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
  keyId: string;
  /** Ed25519 over `treeHeadSignedBytes`, base64. */
  signature: string;
}

/**
 * The bytes a tree head's signature covers: RFC 6962's TreeHeadSignature (section 3.5), so any
 * Certificate Transparency tooling can check it: version v1 (0), signature type tree_hash (1),
 * timestamp (uint64, ms since the epoch), tree size (uint64) and the 32-byte root.
 */
export function treeHeadSignedBytes(treeSize: number, rootHash: Buffer, issuedAt: Date): Buffer {
  if (rootHash.length !== 32) throw new RangeError('A tree head root is a 32-byte SHA-256 hash');
  const bytes = Buffer.alloc(2 + 8 + 8 + 32);
  bytes.writeUInt8(0, 0);
  bytes.writeUInt8(1, 1);
  bytes.writeBigUInt64BE(BigInt(issuedAt.getTime()), 2);
  bytes.writeBigUInt64BE(BigInt(treeSize), 10);
  rootHash.copy(bytes, 18);
  return bytes;
}

export function loadLedgerSigningKey(base64Pkcs8Der: string): KeyObject {
  return loadSigningKey(base64Pkcs8Der, 'The ledger signing key (LEDGER_SIGNING_KEY)', 'tree heads');
}

export function ledgerKeyId(key: KeyObject): string {
  return auditKeyId(key);
}

export function signTreeHead(
  head: { treeSize: number; rootHash: Buffer; issuedAt: Date },
  privateKey: KeyObject,
): TreeHead {
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash.toString('hex'),
    issuedAt: head.issuedAt.toISOString(),
    keyId: ledgerKeyId(privateKey),
    signature: sign(null, treeHeadSignedBytes(head.treeSize, head.rootHash, head.issuedAt), privateKey).toString(
      'base64',
    ),
  };
}

/** Whether `head` is signed by `key` (public or private) and well formed; never throws. */
export function verifyTreeHead(head: TreeHead, key: KeyObject): boolean {
  const issuedAt = new Date(head.issuedAt);
  if (
    !Number.isSafeInteger(head.treeSize) ||
    head.treeSize < 0 ||
    !/^[0-9a-f]{64}$/.test(head.rootHash) ||
    Number.isNaN(issuedAt.getTime()) ||
    issuedAt.toISOString() !== head.issuedAt
  ) {
    return false;
  }
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const signed = treeHeadSignedBytes(head.treeSize, Buffer.from(head.rootHash, 'hex'), issuedAt);
  return verify(null, signed, publicKey, Buffer.from(head.signature, 'base64'));
}
