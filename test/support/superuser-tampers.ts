import type { Pool, PoolClient } from 'pg';
import { eventHash, type JsonObject, type PostgresEventStore, type RecordedEvent } from '@talent/event-store';

/**
 * Each tamper as the database's superuser would do it: with the append-only triggers off for its
 * own session (session_replication_role = replica), the stream heads fixed so that every
 * per-stream chain still verifies. Only the ledger, against a head signed before, notices.
 */
export async function asSuperuser(pool: Pool, work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await work(client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

export async function fixStreamHead(client: PoolClient, streamId: string): Promise<void> {
  await client.query(
    `UPDATE event_streams s SET version = e.stream_version, last_hash = e.hash
     FROM (SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) e
     WHERE s.stream_id = $1`,
    [streamId],
  );
}

const failTheScore = (event: RecordedEvent): JsonObject =>
  event.type === 'ScoreRecorded' ? { written: 59 } : event.data;

/**
 * Changes the events after the first (by default every ScoreRecorded to a failing 59) and
 * recomputes the chain: returns the events as they were.
 */
export async function rewriteWithRecomputedHashes(
  pool: Pool,
  store: PostgresEventStore,
  streamId: string,
  change: (event: RecordedEvent) => JsonObject = failTheScore,
): Promise<RecordedEvent[]> {
  const events = await store.readStream(streamId);
  await asSuperuser(pool, async (client) => {
    let previousHash = events[0]!.hash;
    for (const event of events.slice(1)) {
      const data = change(event);
      const hash = eventHash(previousHash, { ...event, data });
      await client.query('UPDATE events SET data = $2, previous_hash = $3, hash = $4 WHERE event_id = $1', [
        event.eventId,
        data,
        previousHash,
        hash,
      ]);
      previousHash = hash;
    }
    await fixStreamHead(client, streamId);
  });
  return events;
}

/** Deletes the stream's last event and moves its head back: returns the deleted event. */
export async function deleteTail(pool: Pool, store: PostgresEventStore, streamId: string): Promise<RecordedEvent> {
  const last = (await store.readStream(streamId)).at(-1)!;
  await asSuperuser(pool, async (client) => {
    await client.query('DELETE FROM events WHERE event_id = $1', [last.eventId]);
    await fixStreamHead(client, streamId);
  });
  return last;
}

/** Deletes the stream and its head: returns its first event. */
export async function deleteStream(pool: Pool, store: PostgresEventStore, streamId: string): Promise<RecordedEvent> {
  const [opened] = await store.readStream(streamId);
  await asSuperuser(pool, async (client) => {
    await client.query('DELETE FROM events WHERE stream_id = $1', [streamId]);
    await client.query('DELETE FROM event_streams WHERE stream_id = $1', [streamId]);
  });
  return opened!;
}

/** Swaps the places of two events in the global order (transaction, position). */
export async function swapInGlobalOrder(pool: Pool, earlier: RecordedEvent, later: RecordedEvent): Promise<void> {
  await asSuperuser(pool, async (client) => {
    const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id, global_position FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position',
      [[earlier.eventId, later.eventId]],
    );
    // Each takes the other's place, through a free position.
    const place = (eventId: string, at: { transaction_id: string; global_position: string }) =>
      client.query('UPDATE events SET transaction_id = $2::text::xid8, global_position = $3 WHERE event_id = $1', [
        eventId,
        at.transaction_id,
        at.global_position,
      ]);
    await place(earlier.eventId, { transaction_id: rows[0]!.transaction_id, global_position: '-1' });
    await place(later.eventId, rows[0]!);
    await place(earlier.eventId, rows[1]!);
  });
}
