import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { EventMetadata, JsonObject } from './types';

/** The fields of an event that its hash covers: everything an auditor relies on. */
export interface HashedFields {
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  occurredAt: Date;
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
