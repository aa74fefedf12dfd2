import { createPublicKey, randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { eventHash, generateSigningKey, PostgresEventStore, verifyStream } from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { LedgerTree } from './ledger-tree';
import { verifyLedger } from './ledger-verification';
import { loadLedgerSigningKey } from './tree-head';

/**
 * Each tamper as the database's superuser would do it: with the append-only triggers off for its
 * own session (session_replication_role = replica), the stream heads fixed so that every
 * per-stream chain still verifies. Only the tree, checked against its signed head, notices.
 */
describe('verifying the ledger against a rewrite by whoever holds the database', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  let tree: LedgerTree;
  const key = loadLedgerSigningKey(generateSigningKey());
  const publicKey = createPublicKey(key);
  const now = () => new Date('2026-03-02T08:00:00.000Z');

  beforeEach(async () => {
    db = await createMigratedDatabase('ledger_verification');
    store = new PostgresEventStore(db.pool);
    tree = new LedgerTree(db.pool);
  });

  afterEach(async () => {
    await db?.close();
  });

  /** Three streams of three events, one after the other, signed into a head: leaves 0 to 8. */
  async function signedLog(): Promise<string[]> {
    const streams = [`case-${randomUUID()}`, `case-${randomUUID()}`, `case-${randomUUID()}`];
    for (const streamId of streams) {
      await store.append(streamId, 'no_stream', [
        { type: 'CaseOpened', data: { name: '张三' } },
        { type: 'ScoreRecorded', data: { written: 81.5 } },
        { type: 'CaseClosed', data: { outcome: 'hired' } },
      ]);
    }
    await tree.issueTreeHead(key, now);
    return streams;
  }

  async function asSuperuser(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await work(client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  async function fixStreamHead(client: PoolClient, streamId: string): Promise<void> {
    await client.query(
      `UPDATE event_streams s SET version = e.stream_version, last_hash = e.hash
       FROM (SELECT stream_version, hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) e
       WHERE s.stream_id = $1`,
      [streamId],
    );
  }

  it('finds an untouched log valid', async () => {
    await signedLog();

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: true,
      treeSize: 9,
      leavesVerified: 9,
      firstDifferingLeaf: null,
      latestTreeHead: { treeSize: 9, signatureValid: true, logMatches: true },
      streamHeads: [],
    });
  });

  it('names the first leaf of a stream rewritten with recomputed hashes', async () => {
    const [, rewritten] = await signedLog();
    const events = await store.readStream(rewritten!);
    await asSuperuser(async (client) => {
      let previousHash = events[0]!.hash;
      for (const event of events.slice(1)) {
        const data = event.type === 'ScoreRecorded' ? { written: 59 } : event.data;
        const hash = eventHash(previousHash, { ...event, data });
        await client.query('UPDATE events SET data = $2, previous_hash = $3, hash = $4 WHERE event_id = $1', [
          event.eventId,
          data,
          previousHash,
          hash,
        ]);
        previousHash = hash;
      }
      await fixStreamHead(client, rewritten!);
    });

    expect(await verifyStream(db.pool, rewritten!)).toMatchObject({ valid: true });
    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 4, problem: 'hash_differs', treeEventId: events[1]!.eventId },
      latestTreeHead: { signatureValid: true, logMatches: false },
    });
  });

  it('names the first leaf of a deleted tail, its stream head fixed', async () => {
    const [first] = await signedLog();
    const [, , last] = await store.readStream(first!);
    await asSuperuser(async (client) => {
      await client.query('DELETE FROM events WHERE event_id = $1', [last!.eventId]);
      await fixStreamHead(client, first!);
    });

    expect(await verifyStream(db.pool, first!)).toMatchObject({ valid: true, eventsVerified: 2 });
    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 2, problem: 'event_differs', treeEventId: last!.eventId },
      latestTreeHead: { logMatches: false },
    });
  });

  it('names the last leaves when the log’s own tail is deleted', async () => {
    const streams = await signedLog();
    const [, , last] = await store.readStream(streams[2]!);
    await asSuperuser(async (client) => {
      await client.query('DELETE FROM events WHERE event_id = $1', [last!.eventId]);
      await fixStreamHead(client, streams[2]!);
    });

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 8, problem: 'event_missing', treeEventId: last!.eventId, logEventId: null },
    });
  });

  it('names the first leaf of a deleted stream', async () => {
    const [, deleted] = await signedLog();
    const [opened] = await store.readStream(deleted!);
    await asSuperuser(async (client) => {
      await client.query('DELETE FROM events WHERE stream_id = $1', [deleted]);
      await client.query('DELETE FROM event_streams WHERE stream_id = $1', [deleted]);
    });

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 3, problem: 'event_differs', treeEventId: opened!.eventId },
    });
  });

  it('names the first of two reordered events', async () => {
    const [first, second] = await signedLog();
    const [, , closed] = await store.readStream(first!);
    const [opened] = await store.readStream(second!);
    await asSuperuser(async (client) => {
      const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
        'SELECT transaction_id, global_position FROM events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position',
        [[closed!.eventId, opened!.eventId]],
      );
      // The order is (transaction, position): each takes the other's place, through a free position.
      const place = (eventId: string, at: { transaction_id: string; global_position: string }) =>
        client.query('UPDATE events SET transaction_id = $2::text::xid8, global_position = $3 WHERE event_id = $1', [
          eventId,
          at.transaction_id,
          at.global_position,
        ]);
      await place(closed!.eventId, { transaction_id: rows[0]!.transaction_id, global_position: '-1' });
      await place(opened!.eventId, rows[0]!);
      await place(closed!.eventId, rows[1]!);
    });

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: {
        leafIndex: 2,
        problem: 'event_differs',
        treeEventId: closed!.eventId,
        logEventId: opened!.eventId,
      },
    });
  });

  it('names a stream head moved back over events the tree holds', async () => {
    const [first] = await signedLog();
    await asSuperuser(async (client) => {
      await client.query(
        `UPDATE event_streams s SET version = 2, last_hash = e.hash FROM events e
         WHERE e.stream_id = s.stream_id AND e.stream_version = 2 AND s.stream_id = $1`,
        [first],
      );
    });

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      streamHeads: [{ streamId: first, version: 2, detail: expect.stringContaining('after the head') }],
    });
  });

  it('refuses a head signed by another key', async () => {
    await signedLog();

    const other = createPublicKey(loadLedgerSigningKey(generateSigningKey()));

    expect(await verifyLedger(db.pool, other)).toMatchObject({
      valid: false,
      latestTreeHead: { signatureValid: false, logMatches: true },
    });
  });
});
