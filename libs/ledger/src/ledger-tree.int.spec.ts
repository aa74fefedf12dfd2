import { randomUUID } from 'node:crypto';
import { generateSigningKey, PostgresEventStore } from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { LedgerTree } from './ledger-tree';
import { EMPTY_TREE_HASH, leafHash, nodeHash, verifyConsistency, verifyInclusion } from './merkle';
import { loadLedgerSigningKey, type TreeHead, verifyTreeHead } from './tree-head';

describe('the ledger tree over the event log', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  let tree: LedgerTree;
  const key = loadLedgerSigningKey(generateSigningKey());
  const now = () => new Date('2026-03-02T08:00:00.000Z');

  beforeAll(async () => {
    db = await createMigratedDatabase('ledger_tree');
    store = new PostgresEventStore(db.pool);
    tree = new LedgerTree(db.pool);
  });

  afterAll(async () => {
    await db?.close();
  });

  async function appendCases(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async (_, at) => {
        const streamId = `case-${randomUUID()}`;
        await store.append(streamId, 'no_stream', [{ type: 'CaseOpened', data: { at } }]);
        await store.append(streamId, 1, [
          { type: 'ScoreRecorded', data: { written: 80 + at } },
          { type: 'CaseClosed', data: { outcome: 'hired' } },
        ]);
      }),
    );
  }

  /** The log's hashes in the gap-safe global order, straight from the events table. */
  async function eventsInOrder(): Promise<Array<{ event_id: string; hash: string }>> {
    const { rows } = await db.pool.query<{ event_id: string; hash: string }>(
      'SELECT event_id, hash FROM events ORDER BY transaction_id, global_position',
    );
    return rows;
  }

  function naiveRoot(leaves: readonly Buffer[]): Buffer {
    if (leaves.length === 0) return EMPTY_TREE_HASH;
    if (leaves.length === 1) return leafHash(leaves[0]!);
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return nodeHash(naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k)));
  }

  it('signs the empty tree before any event', async () => {
    const head = await tree.issueTreeHead(key, now);

    expect(head).toMatchObject({ treeSize: 0, rootHash: EMPTY_TREE_HASH.toString('hex') });
    expect(verifyTreeHead(head!, key)).toBe(true);
  });

  it('takes every event in the global order, in batches, whoever catches up at the same time', async () => {
    await appendCases(12);

    const sizes = await Promise.all([tree.catchUp(5), tree.catchUp(7), tree.catchUp(3)]);

    const events = await eventsInOrder();
    expect(Math.max(...sizes)).toBe(36);
    const head = await tree.issueTreeHead(key, now);
    expect(head).toMatchObject({
      treeSize: 36,
      rootHash: naiveRoot(events.map((event) => Buffer.from(event.hash, 'hex'))).toString('hex'),
    });
  });

  it('proves every event in the tree, in the latest and in an earlier size', async () => {
    await appendCases(5);
    const head = await tree.issueTreeHead(key, now);
    const events = await eventsInOrder();

    for (const treeSize of [36, head!.treeSize]) {
      for (const [index, event] of events.slice(0, treeSize).entries()) {
        const proof = await tree.inclusionProof(event.event_id, treeSize);

        expect(proof).toMatchObject({ leafIndex: index, treeSize, eventHash: event.hash });
        const verified = verifyInclusion(
          proof.leafIndex,
          treeSize,
          Buffer.from(proof.eventHash, 'hex'),
          proof.proof.map((hash) => Buffer.from(hash, 'hex')),
          Buffer.from(proof.rootHash, 'hex'),
        );
        expect(verified).toBe(true);
      }
    }
    expect((await tree.inclusionProof(events[0]!.event_id, head!.treeSize)).rootHash).toBe(head!.rootHash);
  });

  it('proves each signed head consistent with the next', async () => {
    const { items } = await tree.treeHeads({ limit: 100 });
    expect(items.map((head) => head.treeSize)).toEqual([0, 36, 51]);

    const pairs: Array<[TreeHead, TreeHead]> = [
      [items[0]!, items[1]!],
      [items[1]!, items[2]!],
    ];
    for (const [earlier, later] of pairs) {
      const proof = await tree.consistencyProof(earlier.treeSize, later.treeSize);

      expect(proof).toMatchObject({ fromRootHash: earlier.rootHash, toRootHash: later.rootHash });
      const consistent = verifyConsistency(
        earlier.treeSize,
        later.treeSize,
        Buffer.from(earlier.rootHash, 'hex'),
        Buffer.from(later.rootHash, 'hex'),
        proof.proof.map((hash) => Buffer.from(hash, 'hex')),
      );
      expect(consistent).toBe(true);
    }
  });

  it('issues no head at the interval while nothing was appended', async () => {
    expect(await tree.issueTreeHead(key, now, { whenGrown: true })).toBeUndefined();

    await appendCases(1);

    expect(await tree.issueTreeHead(key, now, { whenGrown: true })).toMatchObject({ treeSize: 54 });
  });

  it('pages through the heads by time', async () => {
    const first = await tree.treeHeads({ from: now(), to: new Date(now().getTime() + 1), limit: 2 });
    const second = await tree.treeHeads({ after: first.nextCursor!, limit: 2 });

    expect(first.items.map((head) => head.treeSize)).toEqual([0, 36]);
    expect(second.items.map((head) => head.treeSize)).toEqual([51, 54]);
    expect(second.nextCursor).toBeNull();
    expect((await tree.latestTreeHead())?.treeSize).toBe(54);
  });

  it('names what it cannot prove', async () => {
    const [first] = await eventsInOrder();
    const unknown = randomUUID();

    await expect(tree.inclusionProof(unknown, 10)).rejects.toMatchObject({ code: 'EVENT_NOT_IN_LEDGER' });
    await expect(tree.inclusionProof(first!.event_id, 55)).rejects.toMatchObject({ code: 'TREE_SIZE_BEYOND_LEDGER' });
    await expect(tree.inclusionProof(first!.event_id, 0)).rejects.toMatchObject({ code: 'EVENT_AFTER_TREE_SIZE' });
    await expect(tree.consistencyProof(20, 10)).rejects.toMatchObject({ code: 'INVALID_TREE_RANGE' });
  });

  it('builds the same tree when two workers take turns, and when an extension fails half-way', async () => {
    const other = new LedgerTree(db.pool);
    await appendCases(4);
    expect(await tree.catchUp(5)).toBe(66);
    await appendCases(3);
    expect(await other.catchUp(4)).toBe(75);
    await appendCases(2);
    // The first worker's frontier is of 66 leaves, the tree's of 75: it must not build on its own.
    expect(await tree.catchUp(5)).toBe(81);

    let failed = false;
    const failingPool = new Proxy(db.pool, {
      get: (pool, property) =>
        property === 'connect'
          ? async () => {
              const client = await pool.connect();
              const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
              return Object.assign(client, {
                query: (...args: unknown[]) => {
                  if (!failed && String(args[0]).includes('INSERT INTO ledger_nodes')) {
                    failed = true;
                    return Promise.reject(new Error('the connection dropped'));
                  }
                  return query(...args);
                },
              });
            }
          : Reflect.get(pool, property),
    });
    const failing = new LedgerTree(failingPool);
    await appendCases(3);
    await expect(failing.catchUp(100)).rejects.toThrow('the connection dropped');
    expect(await tree.size()).toBe(81);
    expect(await failing.catchUp(100)).toBe(90);

    const events = await eventsInOrder();
    expect((await tree.rootHash(90)).toString('hex')).toBe(
      naiveRoot(events.slice(0, 90).map((event) => Buffer.from(event.hash, 'hex'))).toString('hex'),
    );
  });
});
