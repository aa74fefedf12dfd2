import type { KeyObject } from 'node:crypto';
import type { Pool, PoolClient, QueryResult } from 'pg';
import {
  consistencyRanges,
  extendTree,
  foldStored,
  frontier,
  inclusionRanges,
  isStoredNodeLevel,
  type LeafRange,
  type NodeId,
  type NodeLookup,
  nodesOf,
  rangeHash,
  storedCover,
  uniqueNodes,
} from './merkle';
import { LedgerError } from './ledger.errors';
import { signTreeHead, type TreeHead } from './tree-head';

// Any constant works; the same in every process: one writer extends the tree at a time.
const LEDGER_LOCK_KEY = 0x6c6564676572; // "ledger"
const DEFAULT_BATCH = 5_000;
const LOCKED = `BEGIN; SELECT pg_advisory_xact_lock(${LEDGER_LOCK_KEY})`;

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
 * The next events below the gap-safe horizon become leaves, hashed (RFC 6962: SHA-256 of 0x00
 * and the event's hash) and written by the database itself, so they never travel to the process
 * and back; the new leaves' hashes come back in order, end to end in one value (an array's
 * parsing costs more than the hashing), with the tree's size before them. Sent with the
 * statements that open the transaction, as one query string, so an extension that closes no kept
 * node takes two round trips (this, and the commit); which is why `batch` is written in, checked.
 */
const takeNextEvents = (batch: number) => {
  if (!Number.isSafeInteger(batch) || batch < 1) throw new RangeError(`batch: ${batch} is not a positive integer`);
  return `
  WITH last AS (
    SELECT leaf_index, transaction_id, global_position FROM ledger_leaves ORDER BY leaf_index DESC LIMIT 1
  ), next AS (
    SELECT transaction_id, global_position, event_id, hash FROM events
    WHERE (transaction_id, global_position) >
          (coalesce((SELECT transaction_id FROM last), '0'::xid8), coalesce((SELECT global_position FROM last), 0))
      AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY transaction_id, global_position LIMIT ${batch}
  ), added AS (
    INSERT INTO ledger_leaves (leaf_index, transaction_id, global_position, event_id, leaf_hash)
    SELECT coalesce((SELECT leaf_index FROM last), -1) + row_number() OVER (ORDER BY transaction_id, global_position),
           transaction_id, global_position, event_id, sha256('\\x00'::bytea || decode(hash, 'hex'))
    FROM next
    RETURNING leaf_index, leaf_hash
  )
  SELECT coalesce((SELECT leaf_index FROM last) + 1, 0) AS size,
         (SELECT string_agg(leaf_hash, ''::bytea ORDER BY leaf_index) FROM added) AS leaf_hashes`;
};

const splitHashes = (joined: Buffer | null): Buffer[] =>
  Array.from({ length: (joined?.length ?? 0) / 32 }, (_, at) => joined!.subarray(at * 32, at * 32 + 32));

/** The hashes of a tree's `frontier`, as this process last committed it: what the next leaves join. */
interface Edge {
  size: number;
  hashes: Buffer[];
}

/**
 * The global Merkle tree as its tables keep it (CreateLedger1764000031000, ThinLedgerTree1764000035000).
 * The tree follows the event log in the gap-safe global order, a batch per transaction, so
 * appends never wait for it; proofs read O(log n) stored nodes.
 */
export class LedgerTree {
  /**
   * Kept between extensions so that one reads no nodes. Trusted only when the stored tree has
   * exactly its size: a tree of a given size is the same whoever built it (the order is fixed),
   * and any other size (another worker went on, or a commit was lost) is read from the tables.
   */
  private edge?: Edge;

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
    try {
      const extended = await this.inTransaction(`${LOCKED}; ${takeNextEvents(batch)}`, async (client, opened) => {
        const taken = opened.at(-1)!.rows[0] as { size: string; leaf_hashes: Buffer | null };
        const size = Number(taken.size);
        const leafHashes = splitHashes(taken.leaf_hashes);
        if (leafHashes.length === 0) return { added: 0, size, edge: this.edge?.size === size ? this.edge : undefined };
        const edge = this.edge?.size === size ? this.edge.hashes : await this.readEdge(client, size);
        const made = extendTree(size, edge, leafHashes, isStoredNodeLevel);
        if (made.nodes.length > 0) {
          await client.query(
            `INSERT INTO ledger_nodes (level, node_index, hash)
             SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
            [
              made.nodes.map((node) => node.level),
              made.nodes.map((node) => node.index),
              made.nodes.map((node) => node.hash),
            ],
          );
        }
        const grown = size + leafHashes.length;
        return { added: leafHashes.length, size: grown, edge: { size: grown, hashes: made.edge } };
      });
      this.edge = extended.edge;
      return { added: extended.added, size: extended.size };
    } catch (error) {
      this.edge = undefined;
      throw error;
    }
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
    return this.inTransaction(LOCKED, async (client) => {
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
      `SELECT e.event_id, l.leaf_index, e.hash
       FROM events e JOIN ledger_leaves l ON l.global_position = e.global_position AND l.event_id = e.event_id
       WHERE e.event_id = ANY($1::uuid[])`,
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
      'SELECT leaf_index, event_id, leaf_hash AS hash FROM ledger_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2',
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

  private async readEdge(client: Pick<PoolClient, 'query'>, size: number): Promise<Buffer[]> {
    const edge = frontier(size);
    const lookup = await this.nodes(client, edge);
    return edge.map(lookup);
  }

  /** Any nodes, folded from the kept ones they cover (`storedCover`), read in one query. */
  private async nodes(client: Pick<PoolClient, 'query'>, wanted: NodeId[]): Promise<NodeLookup> {
    const covers = uniqueNodes(wanted.flatMap(storedCover));
    const leaves = covers.filter((node) => node.level === 0);
    const inner = covers.filter((node) => node.level > 0);
    const { rows } = await client.query<{ level: number; node_index: string; hash: Buffer }>(
      `SELECT n.level, n.node_index, n.hash FROM ledger_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, node_index) USING (level, node_index)
       UNION ALL
       SELECT 0, leaf_index, leaf_hash FROM ledger_leaves WHERE leaf_index = ANY($3::bigint[])`,
      [inner.map((node) => node.level), inner.map((node) => node.index), leaves.map((node) => node.index)],
    );
    const found = new Map(rows.map((row) => [`${row.level}/${row.node_index}`, row.hash]));
    return foldStored((node) => {
      const hash = found.get(`${node.level}/${node.index}`);
      // A stored tree missing a node it must hold has been tampered with (or half-restored).
      if (!hash) throw new Error(`The ledger has no node at level ${node.level}, index ${node.index}`);
      return hash;
    });
  }

  /** `begin`: the statements that open the transaction, sent as one; `work` gets their results. */
  private async inTransaction<T>(
    begin: string,
    work: (client: PoolClient, opened: QueryResult[]) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      // A query string of several statements answers with one result each.
      const opened = [await client.query(begin)].flat();
      const result = await work(client, opened);
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
