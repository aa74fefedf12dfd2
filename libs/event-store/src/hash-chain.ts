import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { EventMetadata, JsonObject } from './types';

/** An event's own content, checked and defaulted, before the store gives it a place. */
export interface NormalisedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  occurredAt: Date;
}

/** The fields of an event that its hash covers: everything an auditor relies on. */
export interface HashedFields extends NormalisedEvent {
  streamId: string;
  streamVersion: number;
  recordedAt: Date;
}

/**
 * The RFC 8785 (JCS) canonical JSON of the event and the hash of the event before it: the bytes
 * its hash covers, and what the append function stores the row from.
 */
export function canonicalEvent(previousHash: string | null, event: HashedFields): string {
  return canonicalize({
    previousHash,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  });
}

/**
 * sha256 of `canonicalEvent`, so the chain can be re-verified by any JCS implementation, years
 * later, without this code.
 */
export function eventHash(previousHash: string | null, event: HashedFields): string {
  return sha256Hex(canonicalEvent(previousHash, event));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Where a stream's chain ends: its version (how many events it holds) and its last event's hash. */
export interface StreamHead {
  version: number;
  lastHash: string | null;
}

/** An event as stored: the content its hash covers, and the two hashes that chain it. */
export interface ChainedEvent extends HashedFields {
  previousHash: string | null;
  hash: string;
}

export type ChainProblem = 'wrong_stream' | 'version_gap' | 'previous_hash_mismatch' | 'hash_mismatch';

/**
 * Walks `events` on from `from`, recomputing each hash, and stops at the first link that does not
 * hold. Pure and resumable (walk the next page from the head it returns), so the store, reading
 * page by page, and an auditor's offline check of an export judge a chain by the same rules.
 */
export function walkChain<Event extends ChainedEvent>(
  streamId: string,
  events: Iterable<Event>,
  from: StreamHead = { version: 0, lastHash: null },
): { head: StreamHead; broken?: { event: Event; problem: ChainProblem; detail: string } } {
  let head = from;
  for (const event of events) {
    const broken = brokenLink(streamId, head, event);
    if (broken) return { head, broken: { event, ...broken } };
    head = { version: event.streamVersion, lastHash: event.hash };
  }
  return { head };
}

/** Why `event` cannot follow `head`, in a sentence that names the field at fault. */
function brokenLink(streamId: string, head: StreamHead, event: ChainedEvent) {
  const link = (problem: ChainProblem, detail: string) => ({ problem, detail });
  const version = head.version + 1;
  if (event.streamId !== streamId) return link('wrong_stream', `streamId is ${event.streamId}, not ${streamId}`);
  if (event.streamVersion !== version) {
    return link(
      'version_gap',
      `streamVersion is ${event.streamVersion}, expected ${version}: an event is missing, repeated or out of order`,
    );
  }
  if (event.previousHash !== head.lastHash) {
    const expected = head.version === 0 ? 'null for the first event' : `the hash of event ${head.version}`;
    return link(
      'previous_hash_mismatch',
      `previousHash is not ${expected}: the event does not follow the one before it`,
    );
  }
  if (eventHash(head.lastHash, event) !== event.hash) return link('hash_mismatch', 'hash does not match its content');
  return undefined;
}
