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
 * sha256 over the previous hash and the RFC 8785 (JCS) canonical JSON of the event, so the
 * chain can be re-verified by any JCS implementation, years later, without this code.
 */
export function eventHash(previousHash: string | null, event: HashedFields): string {
  const canonical = canonicalize({
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
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
