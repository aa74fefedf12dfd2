import { createPublicKey, randomUUID } from 'node:crypto';
import { generateSigningKey, PostgresEventStore, verifyStream } from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import {
  asSuperuser,
  deleteStream,
  deleteTail,
  rewriteWithRecomputedHashes,
  swapInGlobalOrder,
} from '../../../test/support/superuser-tampers';
import { LedgerTree } from './ledger-tree';
import { verifyLedger } from './ledger-verification';
import { loadLedgerSigningKey } from './tree-head';

/** Each tamper as the database's superuser would do it (superuser-tampers.ts): only the tree notices. */
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
    const events = await rewriteWithRecomputedHashes(db.pool, store, rewritten!);

    expect(await verifyStream(db.pool, rewritten!)).toMatchObject({ valid: true });
    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 4, problem: 'hash_differs', treeEventId: events[1]!.eventId },
      latestTreeHead: { signatureValid: true, logMatches: false },
    });
  });

  it('names the first leaf of a deleted tail, its stream head fixed', async () => {
    const [first] = await signedLog();
    const last = await deleteTail(db.pool, store, first!);

    expect(await verifyStream(db.pool, first!)).toMatchObject({ valid: true, eventsVerified: 2 });
    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 2, problem: 'event_differs', treeEventId: last.eventId },
      latestTreeHead: { logMatches: false },
    });
  });

  it('names the last leaves when the log’s own tail is deleted', async () => {
    const streams = await signedLog();
    const last = await deleteTail(db.pool, store, streams[2]!);

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 8, problem: 'event_missing', treeEventId: last.eventId, logEventId: null },
    });
  });

  it('names the first leaf of a deleted stream', async () => {
    const [, deleted] = await signedLog();
    const opened = await deleteStream(db.pool, store, deleted!);

    expect(await verifyLedger(db.pool, publicKey)).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 3, problem: 'event_differs', treeEventId: opened.eventId },
    });
  });

  it('names the first of two reordered events', async () => {
    const [first, second] = await signedLog();
    const [, , closed] = await store.readStream(first!);
    const [opened] = await store.readStream(second!);
    await swapInGlobalOrder(db.pool, closed!, opened!);

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
    await asSuperuser(db.pool, async (client) => {
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
