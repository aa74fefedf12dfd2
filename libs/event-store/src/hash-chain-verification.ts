import type { Pool } from 'pg';
import { eventHash } from './hash-chain';
import type { EventRow } from './event-store';

export interface BrokenLink {
  streamId: string;
  streamVersion: number;
  eventId: string | null;
  globalPosition: bigint | null;
  problem: 'hash_mismatch' | 'previous_hash_mismatch' | 'version_gap' | 'stream_head_mismatch';
  detail: string;
}

export interface StreamVerification {
  streamId: string;
  eventsVerified: number;
  valid: boolean;
  firstBrokenLink?: BrokenLink;
}

type StoredRow = Omit<EventRow, 'transaction_id' | 'stream_id'>;

const BATCH = 1000;

/**
 * Recomputes a stream's chain from its first event and names the first link that does not
 * hold: an edited event (its hash no longer matches its content), a removed or reordered one
 * (the next event's previous hash or version breaks), or a truncated tail (the stream's head).
 */
export async function verifyStream(pool: Pool, streamId: string): Promise<StreamVerification> {
  const head = await pool.query<{ version: number; last_hash: string | null }>(
    'SELECT version, last_hash FROM event_streams WHERE stream_id = $1',
    [streamId],
  );
  let previousHash: string | null = null;
  let expectedVersion = 1;
  let verified = 0;
  const broken = (link: Omit<BrokenLink, 'streamId'>): StreamVerification => ({
    streamId,
    eventsVerified: verified,
    valid: false,
    firstBrokenLink: { streamId, ...link },
  });

  for (;;) {
    const { rows } = await pool.query<StoredRow>(
      `SELECT global_position, stream_version, event_id, event_type, schema_version, data, metadata,
              occurred_at, recorded_at, previous_hash, hash
       FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version LIMIT $3`,
      [streamId, expectedVersion, BATCH],
    );
    for (const row of rows) {
      const at = {
        streamVersion: row.stream_version,
        eventId: row.event_id,
        globalPosition: BigInt(row.global_position),
      };
      if (row.stream_version !== expectedVersion) {
        return broken({ ...at, problem: 'version_gap', detail: `version ${expectedVersion} is missing` });
      }
      if (row.previous_hash !== previousHash) {
        return broken({
          ...at,
          problem: 'previous_hash_mismatch',
          detail: 'the event does not follow the one stored before it',
        });
      }
      const recomputed = eventHash(previousHash, {
        streamId,
        streamVersion: row.stream_version,
        eventId: row.event_id,
        type: row.event_type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        occurredAt: row.occurred_at,
        recordedAt: row.recorded_at,
      });
      if (recomputed !== row.hash) {
        return broken({ ...at, problem: 'hash_mismatch', detail: 'the stored content differs from what was hashed' });
      }
      previousHash = row.hash;
      expectedVersion += 1;
      verified += 1;
    }
    if (rows.length < BATCH) break;
  }

  const stream = head.rows[0];
  if (stream && (stream.version !== verified || stream.last_hash !== previousHash)) {
    return broken({
      streamVersion: stream.version,
      eventId: null,
      globalPosition: null,
      problem: 'stream_head_mismatch',
      detail: `the stream records version ${stream.version} but ${verified} events chain up to it`,
    });
  }
  return { streamId, eventsVerified: verified, valid: true };
}
