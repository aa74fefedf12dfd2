import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { type ChainedEvent, walkChain } from './hash-chain';
import type { Actor, EventMetadata, JsonObject, RecordedEvent } from './types';

export const STREAM_EXPORT_FORMAT = 'talent-engine/stream-export';

/** One event as stored: every field its hash covers, apart from the stream id the document names once. */
export interface ExportedEvent {
  streamVersion: number;
  eventId: string;
  /** JSON has no 64-bit integers. Not hashed: it lets an auditor find the row in the store. */
  globalPosition: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  occurredAt: string;
  recordedAt: string;
  previousHash: string | null;
  hash: string;
}

/**
 * What ties an export's events to the ledger (formatVersion 2), checked offline by libs/ledger's
 * verifier: the signed tree head the export was computed at, each event's inclusion proof in
 * that tree, and, when asked for, a consistency proof from a head the auditor saved earlier.
 */
export interface StreamExportLedger {
  treeHead: { treeSize: number; rootHash: string; issuedAt: string; keyId: string; signature: string };
  /** One per exported event, in the same order. */
  inclusion: Array<{ leafIndex: number; proof: string[] }>;
  consistency: { from: number; to: number; fromRootHash: string; toRootHash: string; proof: string[] } | null;
}

/**
 * A self-contained copy of one stream that an auditor can check offline, with no access to the
 * store. Version 1 carries the events and the chain; version 2 adds `ledger`.
 */
export interface StreamExport {
  format: typeof STREAM_EXPORT_FORMAT;
  formatVersion: 1 | 2;
  streamId: string;
  exportedAt: string;
  exportedBy: Actor;
  eventCount: number;
  headHash: string | null;
  events: ExportedEvent[];
  ledger?: StreamExportLedger;
  signature: { algorithm: 'Ed25519'; keyId: string; publicKey: string; value: string };
}

export interface ExportVerification {
  valid: boolean;
  streamId?: string;
  eventsVerified: number;
  keyId?: string;
  signatureValid: boolean;
  chainValid: boolean;
  /** Version 1 exports predate the ledger: their chain verifies, their place in the log cannot. */
  carriesTreeHead: boolean;
  /** Null when no trusted key was given: the signature then only proves the document is unchanged since signing. */
  trustedKey: boolean | null;
  problems: string[];
}

/** Short enough to read out on the phone when an auditor checks which key signed an export. */
export function auditKeyId(publicKey: KeyObject): string {
  const spki = publicOf(publicKey).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

export function loadSigningKey(base64Pkcs8Der: string, name = 'The audit signing key', signs = 'exports'): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: Buffer.from(base64Pkcs8Der.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error(`${name} is not a base64-encoded PKCS#8 DER private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${name} is an ${key.asymmetricKeyType ?? 'unknown'} key; ${signs} are signed with Ed25519`);
  }
  return key;
}

export function generateSigningKey(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}

/**
 * `events` must be the stream's events as stored, in version order: read them through a store
 * without upcasters, or the upcast data will not match the hashes and the export will not verify.
 */
export function signStreamExport(
  input: {
    streamId: string;
    events: readonly RecordedEvent[];
    exportedBy: Actor;
    exportedAt?: Date;
    ledger?: StreamExportLedger;
  },
  privateKey: KeyObject,
): StreamExport {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('Stream exports are signed with an Ed25519 private key');
  }
  if (input.ledger && input.ledger.inclusion.length !== input.events.length) {
    throw new Error(`${input.events.length} events but ${input.ledger.inclusion.length} inclusion proofs`);
  }
  const foreign = input.events.find((event) => event.streamId !== input.streamId);
  if (foreign) throw new Error(`Event ${foreign.eventId} belongs to ${foreign.streamId}, not ${input.streamId}`);
  const publicKey = createPublicKey(privateKey);
  const unsigned: Omit<StreamExport, 'signature'> & { signature: Omit<StreamExport['signature'], 'value'> } = {
    format: STREAM_EXPORT_FORMAT,
    formatVersion: input.ledger ? 2 : 1,
    streamId: input.streamId,
    exportedAt: (input.exportedAt ?? new Date()).toISOString(),
    exportedBy: { id: input.exportedBy.id, role: input.exportedBy.role },
    eventCount: input.events.length,
    headHash: input.events.at(-1)?.hash ?? null,
    events: input.events.map(exportedEvent),
    ...(input.ledger && { ledger: input.ledger }),
    signature: {
      algorithm: 'Ed25519',
      keyId: auditKeyId(publicKey),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    },
  };
  const value = sign(null, signedBytes(unsigned), privateKey).toString('base64');
  return { ...unsigned, signature: { ...unsigned.signature, value } };
}

export function exportedEvent(event: RecordedEvent): ExportedEvent {
  return {
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    globalPosition: event.globalPosition.toString(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    previousHash: event.previousHash,
    hash: event.hash,
  };
}

/**
 * The signed bytes: UTF-8 of the RFC 8785 (JCS) canonical JSON of the whole document with only
 * `signature.value` left out (`signature.algorithm`, `keyId` and `publicKey` are signed too).
 * Canonical, so that any verifier that parses the file and re-serialises it, with any JCS
 * implementation in any language, gets the very bytes that were signed, whatever the file's
 * key order, spacing or escaping.
 */
function signedBytes(document: { signature: object }): Buffer {
  const { value: _value, ...signature } = document.signature as { value?: unknown };
  return Buffer.from(canonicalize({ ...document, signature }), 'utf8');
}

type Fields = Record<string, unknown>;
const HASH = /^[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Only the form toISOString writes: the hash covers that exact string. */
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const isHash = (value: unknown): value is string => typeof value === 'string' && HASH.test(value);
const isHashOrNull = (value: unknown): value is string | null => value === null || isHash(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value));

/** Checks an export without trusting anything in it; malformed input yields problems, never an exception. */
export function verifyStreamExport(
  document: unknown,
  options: { trustedPublicKey?: KeyObject | string } = {},
): ExportVerification {
  const rejected = (problem: string): ExportVerification => ({
    valid: false,
    eventsVerified: 0,
    signatureValid: false,
    chainValid: false,
    carriesTreeHead: false,
    trustedKey: options.trustedPublicKey === undefined ? null : false,
    problems: [problem],
  });
  if (!isObject(document)) return rejected('the document is not a JSON object');
  if (document.format !== STREAM_EXPORT_FORMAT) {
    return rejected(`format is ${show(document.format)}, not "${STREAM_EXPORT_FORMAT}": this is not a stream export`);
  }
  if (document.formatVersion !== 1 && document.formatVersion !== 2) {
    return rejected(`formatVersion ${show(document.formatVersion)} is not supported; this verifier reads 1 and 2`);
  }

  const problems = checkHeader(document);
  const carriesTreeHead = document.formatVersion === 2;
  if (carriesTreeHead && !isObject(document.ledger)) problems.push('ledger is missing: version 2 exports carry it');
  const signature = checkSignature(document, problems);
  const trustedKey =
    options.trustedPublicKey === undefined ? null : checkTrust(signature.publicKey, options.trustedPublicKey, problems);
  const chain = checkChain(document, problems);
  return {
    valid: problems.length === 0,
    ...(typeof document.streamId === 'string' && { streamId: document.streamId }),
    eventsVerified: chain.eventsVerified,
    ...(signature.keyId !== undefined && { keyId: signature.keyId }),
    signatureValid: signature.valid,
    chainValid: chain.valid,
    carriesTreeHead,
    trustedKey,
    problems,
  };
}

function checkHeader(document: Fields): string[] {
  const problems: string[] = [];
  if (!isText(document.streamId)) problems.push('streamId must be a non-empty string');
  if (!isInstant(document.exportedAt))
    problems.push('exportedAt must be an ISO 8601 instant (as toISOString writes it)');
  const by = document.exportedBy;
  if (!isObject(by) || !isText(by.id) || !isText(by.role)) {
    problems.push('exportedBy must be an object with a non-empty id and role');
  }
  if (!isCount(document.eventCount)) problems.push('eventCount must be a non-negative integer');
  if (!isHashOrNull(document.headHash)) {
    problems.push('headHash must be null or a SHA-256 hash in lowercase hex');
  }
  if (!Array.isArray(document.events)) problems.push('events must be an array');
  return problems;
}

function checkSignature(
  document: Fields,
  problems: string[],
): { valid: boolean; keyId?: string; publicKey?: KeyObject } {
  const signature = document.signature;
  if (!isObject(signature)) {
    problems.push('signature is missing: the export cannot be attributed to anyone');
    return { valid: false };
  }
  const keyId = typeof signature.keyId === 'string' ? signature.keyId : undefined;
  if (signature.algorithm !== 'Ed25519')
    problems.push(`signature.algorithm is ${show(signature.algorithm)}, not "Ed25519"`);
  const publicKey = readPublicKey(signature.publicKey);
  if (!publicKey) problems.push('signature.publicKey must be an Ed25519 public key in SPKI PEM');
  if (keyId === undefined) problems.push('signature.keyId must be a string');
  else if (publicKey && keyId !== auditKeyId(publicKey)) {
    problems.push(`signature.keyId ${keyId} is not the id of signature.publicKey (${auditKeyId(publicKey)})`);
  }
  if (typeof signature.value !== 'string') problems.push('signature.value must be a base64 string');
  if (!publicKey || typeof signature.value !== 'string' || signature.algorithm !== 'Ed25519') {
    return { valid: false, ...(keyId !== undefined && { keyId }), ...(publicKey && { publicKey }) };
  }
  let valid = false;
  try {
    valid = verify(null, signedBytes({ ...document, signature }), publicKey, Buffer.from(signature.value, 'base64'));
  } catch {
    valid = false;
  }
  if (!valid) {
    problems.push(
      'signature does not match the document: it was changed after it was signed, or signed with another key',
    );
  }
  return { valid, ...(keyId !== undefined && { keyId }), publicKey };
}

function readPublicKey(pem: unknown): KeyObject | undefined {
  if (typeof pem !== 'string') return undefined;
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

function publicOf(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

function checkTrust(embedded: KeyObject | undefined, trusted: KeyObject | string, problems: string[]): boolean {
  const trustedKey = typeof trusted === 'string' ? readPublicKey(trusted) : publicOf(trusted);
  if (!trustedKey) {
    problems.push('the trusted public key is not an Ed25519 public key in SPKI PEM');
    return false;
  }
  const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
  if (embedded && spki(embedded).equals(spki(trustedKey))) return true;
  problems.push(
    `the export is not signed with the trusted key ${auditKeyId(trustedKey)}: anyone can re-sign an edited ` +
      'export with a key of their own, so only the trusted key shows it comes from the office',
  );
  return false;
}

/** Walks the chain by the store's own rules and names the first link that does not hold. */
function checkChain(document: Fields, problems: string[]): { valid: boolean; eventsVerified: number } {
  const { streamId, events } = document;
  if (!isText(streamId) || !Array.isArray(events)) {
    return { valid: false, eventsVerified: 0 };
  }
  const wellFormed: ChainedEvent[] = [];
  let malformed: string | undefined;
  for (const raw of events) {
    const event = readExportedEvent(streamId, raw);
    if (typeof event === 'string') {
      malformed = event;
      break;
    }
    wellFormed.push(event);
  }
  const { head, broken } = walkChain(streamId, wellFormed);
  // Only well-formed events precede a malformed one, so a break among them is the first problem.
  const failure = broken?.detail ?? malformed;
  if (failure !== undefined) {
    const raw: unknown = events[head.version];
    const id = isObject(raw) && typeof raw.eventId === 'string' ? ` (${raw.eventId})` : '';
    problems.push(`event ${head.version + 1}${id}: ${failure}`);
    return { valid: false, eventsVerified: head.version };
  }
  // A malformed count or head is already reported by checkHeader; it still fails the chain.
  const countMatches = document.eventCount === events.length;
  const headMatches = document.headHash === head.lastHash;
  if (!countMatches && isCount(document.eventCount)) {
    problems.push(`eventCount is ${document.eventCount} but the export holds ${events.length} events`);
  }
  if (!headMatches && isHashOrNull(document.headHash)) {
    problems.push(`headHash ${show(document.headHash)} is not the hash of the last event (${show(head.lastHash)})`);
  }
  return { valid: countMatches && headMatches, eventsVerified: head.version };
}

/** The event, or what is wrong with it. */
export function readExportedEvent(streamId: string, raw: unknown): ChainedEvent | string {
  if (!isObject(raw)) return 'not an object';
  const wrong = [
    Number.isInteger(raw.streamVersion) ? null : 'streamVersion',
    isText(raw.eventId) ? null : 'eventId',
    isText(raw.type) ? null : 'type',
    Number.isInteger(raw.schemaVersion) ? null : 'schemaVersion',
    isObject(raw.data) ? null : 'data',
    isObject(raw.metadata) ? null : 'metadata',
    isInstant(raw.occurredAt) ? null : 'occurredAt',
    isInstant(raw.recordedAt) ? null : 'recordedAt',
    isHashOrNull(raw.previousHash) ? null : 'previousHash',
    isHash(raw.hash) ? null : 'hash',
    raw.globalPosition === undefined || (typeof raw.globalPosition === 'string' && /^\d+$/.test(raw.globalPosition))
      ? null
      : 'globalPosition',
  ].filter((field) => field !== null);
  if (wrong.length > 0) return `malformed ${wrong.join(', ')}`;
  return {
    streamId,
    streamVersion: raw.streamVersion as number,
    eventId: raw.eventId as string,
    type: raw.type as string,
    schemaVersion: raw.schemaVersion as number,
    data: raw.data as JsonObject,
    metadata: raw.metadata as EventMetadata,
    occurredAt: new Date(raw.occurredAt as string),
    recordedAt: new Date(raw.recordedAt as string),
    previousHash: raw.previousHash as string | null,
    hash: raw.hash as string,
  };
}
