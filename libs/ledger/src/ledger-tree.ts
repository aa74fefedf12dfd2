import type { KeyObject } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  consistencyRanges,
  extendTree,
  frontier,
  inclusionRanges,
  type LeafRange,
  type NodeId,
  nodesOf,
  rangeHash,
} from './merkle';
import { LedgerError } from './ledger.errors';
import { signTreeHead, type TreeHead } from './tree-head';

// Any constant works; the same in every process: one writer extends the tree at a time.
const LEDGER_LOCK_KEY = 0x6c6564676572; // "ledger"
const DEFAULT_BATCH = 5_000;

export interface InclusionProof {
  eventId: string;
  /** The event's hash as stored (hex): the leaf's content. */
  eventHash: string;
  leafIndex: number;
  treeSize: number;
  rootHash: string;
  /** Sibling hashes from the leaf up (RFC 9162 2.1.3), hex. */
  proof: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRootHash: string;
  toRootHash: string;
  /** RFC 9162 2.1.4, hex. */
  proof: string[];
}

export interface TreeHeadPage {
  items: TreeHead[];
  /** Pass as `after` for the next page; null on the last. */
  nextCursor: string | null;
}

interface TreeHeadRow {
  id: string;
  tree_size: string;
  root_hash: Buffer;
  issued_at: Date;
  key_id: string;
  signature: Buffer;
}

const toTreeHead = (row: TreeHeadRow): TreeHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash.toString('hex'),
  issuedAt: row.issued_at.toISOString(),
  keyId: row.key_id,
  signature: row.signature.toString('base64'),
});

/**
 * The global Merkle tree as its tables keep it (CreateLedger1764000031000). The tree follows the
 * event log in the gap-safe global order, a batch per transaction, so appends never wait for it;
 * proofs read O(log n) stored nodes.
 */
export class LedgerTree {
  constructor(private readonly pool: Pool) {}

  /** Adds every event readable in the gap-safe order; returns the tree's new size. */
  async catchUp(batch = DEFAULT_BATCH): Promise<number> {
    for (;;) {
      const { added, size } = await this.extend(batch);
      if (added < batch) return size;
    }
  }

  /** Adds up to `batch` events to the tree, in one transaction under the ledger's lock. */
  async extend(batch = DEFAULT_BATCH): Promise<{ added: number; size: number }> {
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK_KEY]);
      const last = await client.query<{ leaf_index: string; transaction_id: string; global_position: string }>(
        'SELECT leaf_index, transaction_id, global_position FROM ledger_leaves ORDER BY leaf_index DESC LIMIT 1',
      );
      const size = last.rows[0] ? Number(last.rows[0].leaf_index) + 1 : 0;
      const events = await client.query<{
        transaction_id: string;
        global_position: string;
        event_id: string;
        hash: string;
      }>(
        `SELECT transaction_id, global_position, event_id, hash FROM events
         WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
           AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY transaction_id, global_position LIMIT $3`,
        [last.rows[0]?.transaction_id ?? '0', last.rows[0]?.global_position ?? '0', batch],
      );
      if (events.rows.length === 0) return { added: 0, size };
      const edge = await this.nodes(client, frontier(size));
      const made = extendTree(
        size,
        frontier(size).map((node) => edge(node)),
        events.rows.map((row) => Buffer.from(row.hash, 'hex')),
      );
      await client.query(
        `INSERT INTO ledger_leaves (leaf_index, transaction_id, global_position, event_id)
         SELECT $1::bigint + n - 1, t::xid8, p, e
         FROM unnest($2::text[], $3::bigint[], $4::uuid[]) WITH ORDINALITY AS x(t, p, e, n)`,
        [
          size,
          events.rows.map((row) => row.transaction_id),
          events.rows.map((row) => row.global_position),
          events.rows.map((row) => row.event_id),
        ],
      );
      await client.query(
        `INSERT INTO ledger_nodes (level, node_index, hash)
         SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
        [made.map((node) => node.level), made.map((node) => node.index), made.map((node) => node.hash)],
      );
      return { added: events.rows.length, size: size + events.rows.length };
    });
  }

  async size(client: Pick<PoolClient, 'query'> = this.pool): Promise<number> {
    const { rows } = await client.query<{ size: string | null }>(
      'SELECT max(leaf_index) + 1 AS size FROM ledger_leaves',
    );
    return Number(rows[0]?.size ?? 0);
  }

  async rootHash(treeSize: number): Promise<Buffer> {
    await this.requireSize(treeSize);
    return this.rangeHashes([{ start: 0, end: treeSize }]).then(([root]) => root!);
  }

  /**
   * Catches up, then signs the tree as it stands. `whenGrown`: only if it holds more events
   * than the latest head (the fixed-interval issue), so an idle office adds no heads.
   */
  async issueTreeHead(key: KeyObject, now: () => Date, { whenGrown = false } = {}): Promise<TreeHead | undefined> {
    await this.catchUp();
    return this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LEDGER_LOCK_KEY]);
      const size = await this.size(client);
      const latest = await this.latestTreeHead(client);
      if (whenGrown && latest && latest.treeSize >= size) return undefined;
      const [rootHash] = await this.rangeHashes([{ start: 0, end: size }], client);
      const head = signTreeHead({ treeSize: size, rootHash: rootHash!, issuedAt: now() }, key);
      await client.query(
        'INSERT INTO ledger_tree_heads (tree_size, root_hash, issued_at, key_id, signature) VALUES ($1, $2, $3, $4, $5)',
        [size, rootHash, head.issuedAt, head.keyId, Buffer.from(head.signature, 'base64')],
      );
      return head;
    });
  }

  async latestTreeHead(client: Pick<PoolClient, 'query'> = this.pool): Promise<TreeHead | undefined> {
    const { rows } = await client.query<TreeHeadRow>('SELECT * FROM ledger_tree_heads ORDER BY id DESC LIMIT 1');
    return rows[0] && toTreeHead(rows[0]);
  }

  /** Heads issued in [from, to), oldest first, a page at a time. */
  async treeHeads(query: { from?: Date; to?: Date; after?: string; limit: number }): Promise<TreeHeadPage> {
    const { rows } = await this.pool.query<TreeHeadRow>(
      `SELECT * FROM ledger_tree_heads
       WHERE ($1::timestamptz IS NULL OR issued_at >= $1) AND ($2::timestamptz IS NULL OR issued_at < $2)
         AND ($3::bigint IS NULL OR id > $3)
       ORDER BY id LIMIT $4`,
      [query.from ?? null, query.to ?? null, query.after ?? null, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toTreeHead),
      nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
    };
  }

  async inclusionProof(eventId: string, treeSize: number): Promise<InclusionProof> {
    return (await this.inclusionProofs([eventId], treeSize))[0]!;
  }

  /**
   * Inclusion proofs of many events in the tree of `treeSize`, in the order asked, from one read
   * of the leaves and one of the nodes: what an export carries for each of its events.
   */
  async inclusionProofs(eventIds: readonly string[], treeSize: number): Promise<InclusionProof[]> {
    await this.requireSize(treeSize);
    const { rows } = await this.pool.query<{ event_id: string; leaf_index: string; hash: string }>(
      `SELECT l.event_id, l.leaf_index, e.hash FROM ledger_leaves l JOIN events e USING (event_id)
       WHERE l.event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    const leaves = new Map(rows.map((row) => [row.event_id, row]));
    const placed = eventIds.map((eventId) => {
      const leaf = leaves.get(eventId);
      if (!leaf) {
        throw new LedgerError('EVENT_NOT_IN_LEDGER', `No event ${eventId} in the ledger (yet): sign a tree head first`);
      }
      const leafIndex = Number(leaf.leaf_index);
      if (leafIndex >= treeSize) {
        throw new LedgerError(
          'EVENT_AFTER_TREE_SIZE',
          `treeSize: event ${eventId} is leaf ${leafIndex}, not among the first ${treeSize} of the ledger`,
        );
      }
      return { eventId, eventHash: leaf.hash, leafIndex, ranges: inclusionRanges(leafIndex, treeSize) };
    });
    const root: LeafRange = { start: 0, end: treeSize };
    const lookup = await this.nodes(this.pool, nodesOf([root, ...placed.flatMap((leaf) => leaf.ranges)]));
    const rootHash = rangeHash(root, lookup).toString('hex');
    return placed.map(({ ranges, ...leaf }) => ({
      ...leaf,
      treeSize,
      rootHash,
      proof: ranges.map((range) => rangeHash(range, lookup).toString('hex')),
    }));
  }

  /** Leaves [start, start + limit) as the tree holds them: which event, and the leaf's hash (0x00-prefixed). */
  async leaves(start: number, limit: number): Promise<Array<{ leafIndex: number; eventId: string; leafHash: Buffer }>> {
    const { rows } = await this.pool.query<{ leaf_index: string; event_id: string; hash: Buffer }>(
      `SELECT l.leaf_index, l.event_id, n.hash
       FROM ledger_leaves l JOIN ledger_nodes n ON n.level = 0 AND n.node_index = l.leaf_index
       WHERE l.leaf_index >= $1 ORDER BY l.leaf_index LIMIT $2`,
      [start, limit],
    );
    return rows.map((row) => ({ leafIndex: Number(row.leaf_index), eventId: row.event_id, leafHash: row.hash }));
  }

  async consistencyProof(from: number, to: number): Promise<ConsistencyProof> {
    if (from > to) throw new LedgerError('INVALID_TREE_RANGE', `from: ${from} is after to (${to})`);
    await this.requireSize(to);
    const [fromRoot, toRoot, ...proof] = await this.rangeHashes([
      { start: 0, end: from },
      { start: 0, end: to },
      ...consistencyRanges(from, to),
    ]);
    return {
      from,
      to,
      fromRootHash: fromRoot!.toString('hex'),
      toRootHash: toRoot!.toString('hex'),
      proof: proof.map((hash) => hash.toString('hex')),
    };
  }

  private async requireSize(treeSize: number): Promise<void> {
    const size = await this.size();
    if (treeSize > size) {
      throw new LedgerError('TREE_SIZE_BEYOND_LEDGER', `treeSize: the ledger holds ${size} events, not ${treeSize}`);
    }
  }

  /** The MTHs of several ranges, from one read of the nodes they fold from. */
  private async rangeHashes(ranges: LeafRange[], client: Pick<PoolClient, 'query'> = this.pool): Promise<Buffer[]> {
    const lookup = await this.nodes(client, nodesOf(ranges));
    return ranges.map((range) => rangeHash(range, lookup));
  }

  private async nodes(client: Pick<PoolClient, 'query'>, wanted: NodeId[]): Promise<(node: NodeId) => Buffer> {
    const { rows } = await client.query<{ level: number; node_index: string; hash: Buffer }>(
      `SELECT n.level, n.node_index, n.hash FROM ledger_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) USING (level, node_index)`,
      [wanted.map((node) => node.level), wanted.map((node) => node.index)],
    );
    const found = new Map(rows.map((row) => [`${row.level}/${row.node_index}`, row.hash]));
    return (node) => {
      const hash = found.get(`${node.level}/${node.index}`);
      // A stored tree missing a node it must hold has been tampered with (or half-restored).
      if (!hash) throw new Error(`The ledger has no node at level ${node.level}, index ${node.index}`);
      return hash;
    };
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
