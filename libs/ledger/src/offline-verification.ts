import type { KeyObject } from 'node:crypto';
import { verifyConsistency, verifyInclusion } from './merkle';
import { type TreeHead, verifyTreeHead } from './tree-head';

/**
 * Checks exports against the ledger with nothing but the files an auditor holds: the export, a
 * tree head saved earlier (a checkpoint file, or /ledger/tree-heads/latest) and the ledger's
 * public key. No database, no network; malformed input yields problems, never an exception.
 */
export interface HeadCheck {
  treeSize: number;
  issuedAt: string;
  /** Null when no ledger key was given: then nobody is known to have signed it. */
  signatureValid: boolean | null;
}

export interface SavedHeadCheck extends HeadCheck {
  /** Whether the export's tree extends the saved one: same root, or a consistency proof that holds. */
  consistent: boolean;
}

export interface FirstDifferingEvent {
  eventId: string;
  streamVersion: number;
  leafIndex: number;
  detail: string;
}

export interface StreamLedgerCheck {
  valid: boolean;
  treeHead: HeadCheck | null;
  savedHead: SavedHeadCheck | null;
  eventsProven: number;
  firstDifferingEvent: FirstDifferingEvent | null;
  problems: string[];
}

export interface OfflineOptions {
  ledgerKey?: KeyObject;
  /** A head saved before: parsed JSON, checked here. */
  savedHead?: unknown;
}

export type Fields = Record<string, unknown>;
export const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
export const isHashList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isHash);
export const bytes = (hex: string) => Buffer.from(hex, 'hex');

/** A tree head as /ledger/tree-heads and the checkpoint files write it, or what is wrong with it. */
export function readTreeHead(raw: unknown, what: string): TreeHead | string {
  if (!isObject(raw)) return `${what} is not a JSON object`;
  const { treeSize, rootHash, issuedAt, keyId, signature } = raw;
  const wrong = [
    isIndex(treeSize) ? null : 'treeSize',
    isHash(rootHash) ? null : 'rootHash',
    typeof issuedAt === 'string' ? null : 'issuedAt',
    typeof keyId === 'string' ? null : 'keyId',
    typeof signature === 'string' ? null : 'signature',
  ].filter((field) => field !== null);
  if (wrong.length > 0) return `${what} has a malformed ${wrong.join(', ')}`;
  return { treeSize, rootHash, issuedAt, keyId, signature } as TreeHead;
}

export function headCheck(head: TreeHead, key: KeyObject | undefined, what: string, problems: string[]): HeadCheck {
  const signatureValid = key ? verifyTreeHead(head, key) : null;
  if (signatureValid === false) {
    problems.push(`${what} (size ${head.treeSize}) is not signed by the ledger key given: it is forged or altered`);
  }
  return { treeSize: head.treeSize, issuedAt: head.issuedAt, signatureValid };
}

/**
 * Whether the export's tree extends the saved one. A newer export head must carry the
 * consistency proof from the saved size (RFC 9162 2.1.4); a rewritten log cannot produce one.
 */
export function extendsSavedHead(head: TreeHead, saved: TreeHead, consistency: unknown, problems: string[]): boolean {
  if (saved.treeSize > head.treeSize) {
    problems.push(
      `the saved head (size ${saved.treeSize}) is newer than the export's (size ${head.treeSize}): ` +
        'export again, or check against a head saved before the export',
    );
    return false;
  }
  if (saved.treeSize === head.treeSize) {
    if (saved.rootHash === head.rootHash) return true;
    problems.push(
      `the export's head has the saved head's size ${saved.treeSize} but another root: the log was rewritten`,
    );
    return false;
  }
  if (!isObject(consistency)) {
    problems.push(
      `the export's head (size ${head.treeSize}) is newer than the saved one (size ${saved.treeSize}) and carries ` +
        `no consistency proof from it: export again with consistencyFrom=${saved.treeSize}`,
    );
    return false;
  }
  const holds =
    consistency.from === saved.treeSize &&
    consistency.to === head.treeSize &&
    consistency.fromRootHash === saved.rootHash &&
    consistency.toRootHash === head.rootHash &&
    isHashList(consistency.proof) &&
    verifyConsistency(
      saved.treeSize,
      head.treeSize,
      bytes(saved.rootHash),
      bytes(head.rootHash),
      consistency.proof.map(bytes),
    );
  if (!holds) {
    problems.push(
      `the consistency proof from the saved head (size ${saved.treeSize}) to the export's (size ${head.treeSize}) ` +
        'does not hold: the log the export comes from does not extend the one saved',
    );
  }
  return holds;
}

export function savedHeadOf(options: OfflineOptions, problems: string[]): TreeHead | undefined {
  if (options.savedHead === undefined) return undefined;
  const saved = readTreeHead(options.savedHead, 'the saved tree head');
  if (typeof saved === 'string') {
    problems.push(saved);
    return undefined;
  }
  return saved;
}

/**
 * The ledger part of a stream export (formatVersion 2): the export's head, every event's
 * inclusion proof against its root, and the tie to the saved head. The first event whose proof
 * fails is named: it is not, as exported, the event the tree took at that leaf.
 */
export function verifyStreamExportLedger(document: unknown, options: OfflineOptions = {}): StreamLedgerCheck {
  const problems: string[] = [];
  const failed = (problem: string): StreamLedgerCheck => ({
    valid: false,
    treeHead: null,
    savedHead: null,
    eventsProven: 0,
    firstDifferingEvent: null,
    problems: [...problems, problem],
  });
  if (!isObject(document) || !isObject(document.ledger)) return failed('the export carries no tree head');
  const { ledger, events } = document;
  const head = readTreeHead(ledger.treeHead, "the export's tree head");
  if (typeof head === 'string') return failed(head);
  if (!Array.isArray(events) || !Array.isArray(ledger.inclusion) || ledger.inclusion.length !== events.length) {
    return failed('ledger.inclusion must hold one proof per exported event');
  }
  const saved = savedHeadOf(options, problems);
  const treeHead = headCheck(head, options.ledgerKey, "the export's tree head", problems);
  const savedHead = saved && {
    ...headCheck(saved, options.ledgerKey, 'the saved tree head', problems),
    consistent: extendsSavedHead(head, saved, ledger.consistency, problems),
  };

  let eventsProven = 0;
  let firstDifferingEvent: FirstDifferingEvent | null = null;
  for (const [at, raw] of events.entries()) {
    const event = isObject(raw) ? raw : {};
    const proof: unknown = ledger.inclusion[at];
    const leafIndex = isObject(proof) && isIndex(proof.leafIndex) ? proof.leafIndex : -1;
    const holds =
      isObject(proof) &&
      isHash(event.hash) &&
      isHashList(proof.proof) &&
      verifyInclusion(leafIndex, head.treeSize, bytes(event.hash), proof.proof.map(bytes), bytes(head.rootHash));
    if (!holds) {
      firstDifferingEvent = {
        eventId: typeof event.eventId === 'string' ? event.eventId : '-',
        streamVersion: typeof event.streamVersion === 'number' ? event.streamVersion : at + 1,
        leafIndex,
        detail: `its hash is not leaf ${leafIndex} of the tree of ${head.treeSize} events the export's head signs`,
      };
      problems.push(
        `event ${firstDifferingEvent.streamVersion} (${firstDifferingEvent.eventId}): ${firstDifferingEvent.detail}`,
      );
      break;
    }
    eventsProven += 1;
  }
  return {
    valid: problems.length === 0,
    treeHead,
    savedHead: savedHead ?? null,
    eventsProven,
    firstDifferingEvent,
    problems,
  };
}
