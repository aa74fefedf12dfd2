import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { PostgresEventStore } from './event-store';
import { cursorOf, type EventCursor } from './types';

describe('the global order is gap-safe', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('gap_safe');
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('holds back a fast writer’s event until a slower writer with a lower position commits', async () => {
    const { cursor: after } = await store.head();
    const slow = await db.pool.connect();
    try {
      await slow.query('BEGIN');
      const slowAppend = await store.appendWithin(slow, `case-${randomUUID()}`, 'no_stream', [
        { type: 'SlowEvent', data: {} },
      ]);
      const fastAppend = await store.append(`case-${randomUUID()}`, 'no_stream', [{ type: 'FastEvent', data: {} }]);
      expect(fastAppend.lastGlobalPosition).toBeGreaterThan(slowAppend.lastGlobalPosition);

      // The fast event is committed and a naive `position > checkpoint` read would return it,
      // letting a reader move its checkpoint past the slow event forever.
      const whileSlowIsOpen = await store.readAll({ after });
      expect(whileSlowIsOpen).toEqual([]);
      expect((await store.head()).cursor).toEqual(after);

      await slow.query('COMMIT');
    } finally {
      slow.release();
    }

    const afterCommit = await store.readAll({ after });
    expect(afterCommit.map((event) => event.type)).toEqual(['SlowEvent', 'FastEvent']);
  });

  it('never lets a tailing reader skip an event under interleaved slow and fast writers', async () => {
    const { cursor: start } = await store.head();
    const writers = 8;
    const appendsPerWriter = 15;
    let writing = true;
    const seen: bigint[] = [];

    const reader = (async () => {
      let checkpoint: EventCursor = start;
      for (;;) {
        const finished = !writing;
        const batch = await store.readAll({ after: checkpoint, limit: 7 });
        for (const event of batch) seen.push(event.globalPosition);
        if (batch.length > 0) checkpoint = cursorOf(batch[batch.length - 1]!);
        else if (finished) return;
        else await sleep(1);
      }
    })();

    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let index = 0; index < appendsPerWriter; index += 1) {
          const client = await db.pool.connect();
          try {
            await client.query('BEGIN');
            await store.appendWithin(client, `case-${randomUUID()}`, 'no_stream', [
              { type: 'Interleaved', data: { writer, index } },
            ]);
            // Every other writer holds its transaction open a while after taking its position.
            if (writer % 2 === 0) await sleep(Math.random() * 15);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }
      }),
    );
    writing = false;
    await reader;

    const { rows } = await db.pool.query<{ global_position: string }>(
      `SELECT global_position FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)`,
      [start.transactionId.toString(), start.globalPosition.toString()],
    );
    expect([...seen].sort((a, b) => (a < b ? -1 : 1))).toEqual(
      rows.map((row) => BigInt(row.global_position)).sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(new Set(seen).size).toBe(writers * appendsPerWriter);
  });
});

describe('the global order keeps each stream’s own order', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('stream_order');
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('delivers every stream’s versions in increasing order under contention', async () => {
    const streams = ['case-a', 'case-b', 'case-c'];
    await Promise.all(
      Array.from({ length: 10 }, async (_, writer) => {
        for (let written = 0; written < 6;) {
          const streamId = streams[(writer + written) % streams.length]!;
          const version = await store.streamVersion(streamId);
          try {
            await store.append(streamId, version, [{ type: 'Step', data: { writer } }]);
            written += 1;
          } catch {
            // Lost the race for this version: read again and retry, as a decider would.
          }
        }
      }),
    );

    const lastVersion = new Map<string, number>();
    for (const event of await store.readAll({ limit: 1000 })) {
      expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? 0) + 1);
      lastVersion.set(event.streamId, event.streamVersion);
    }
    expect([...lastVersion.values()].reduce((sum, version) => sum + version, 0)).toBe(60);
  });

  it('refuses appendWithin after another write of the same transaction', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE event_streams SET updated_at = now() WHERE stream_id = 'none'`);
      await client.query('SELECT pg_current_xact_id()');

      await expect(
        store.appendWithin(client, `case-${randomUUID()}`, 'no_stream', [{ type: 'X', data: {} }]),
      ).rejects.toThrow('appendWithin must come before any other write of its transaction');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
