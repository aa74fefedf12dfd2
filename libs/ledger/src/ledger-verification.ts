import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { LedgerTree } from './ledger-tree';
import { EMPTY_TREE_HASH, leafHash, RootAccumulator } from './merkle';
import { verifyTreeHead } from './tree-head';

const PAGE = 5_000;
const HEAD_PROBLEMS_LISTED = 100;

export type LeafProblem =
  /** The tree names an event the log no longer holds at this place (deleted, or moved in the order). */
  | 'event_differs'
  /** The same event, but its hash is not the one the tree was built from (rewritten with recomputed hashes). */
  | 'hash_differs'
  /** The tree has a leaf here; the log has run out of events (a deleted tail). */
  | 'event_missing';

export interface DifferingLeaf {
  leafIndex: number;
  problem: LeafProblem;
  /** The event the tree holds at this leaf. */
  treeEventId: string;
  /** The event the log now holds at this place in the global order, if any. */
  logEventId: string | null;
}

export interface StreamHeadProblem {
  streamId: string;
  version: number;
  detail: string;
}

export interface LedgerVerification {
  valid: boolean;
  /** Leaves the tree holds; the log's events after them are not in the tree yet. */
  treeSize: number;
  leavesVerified: number;
  firstDifferingLeaf: DifferingLeaf | null;
  latestTreeHead: {
    treeSize: number;
    issuedAt: string;
    signatureValid: boolean;
    /** Whether the root recomputed from the log's events matches the signed root. */
    logMatches: boolean;
  } | null;
  /** Stream heads that disagree with the tree, first 100. */
  streamHeads: StreamHeadProblem[];
}

interface LeafRow {
  leaf_index: string;
  tree_event_id: string;
  leaf_hash: Buffer;
}

interface EventRow {
  transaction_id: string;
  global_position: string;
  event_id: string;
  hash: string;
}

/**
 * Recomputes the tree from the events as the log holds them now, in the global order, and
 * compares it leaf by leaf with the tree as stored and with the root of the latest signed head.
 * A stream rewritten with recomputed hashes, a deleted tail or stream and two reordered events
 * each change some leaf: the first is named. Page by page, so memory stays O(log n).
 */
export async function verifyLedger(pool: Pool, publicKey: KeyObject): Promise<LedgerVerification> {
  const tree = new LedgerTree(pool);
  const head = await tree.latestTreeHead();
  const treeSize = await tree.size();
  const accumulator = new RootAccumulator();
  let headRoot: Buffer | undefined = head?.treeSize === 0 ? EMPTY_TREE_HASH : undefined;
  let firstDifferingLeaf: DifferingLeaf | null = null;
  let eventCursor = { transactionId: '0', globalPosition: '0' };

  for (let start = 0; start < treeSize; start += PAGE) {
    const leaves = await pool.query<LeafRow>(
      `SELECT leaf_index, event_id AS tree_event_id, leaf_hash
       FROM ledger_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2`,
      [start, PAGE],
    );
    const events = await pool.query<EventRow>(
      `SELECT transaction_id, global_position, event_id, hash FROM events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
       ORDER BY transaction_id, global_position LIMIT $3`,
      [eventCursor.transactionId, eventCursor.globalPosition, leaves.rows.length],
    );
    const last = events.rows.at(-1);
    if (last) eventCursor = { transactionId: last.transaction_id, globalPosition: last.global_position };
    for (const [at, leaf] of leaves.rows.entries()) {
      const event = events.rows[at];
      if (event) accumulator.push(Buffer.from(event.hash, 'hex'));
      if (head && accumulator.size === head.treeSize && !headRoot) headRoot = accumulator.root();
      const problem: LeafProblem | undefined = firstDifferingLeaf ? undefined : leafProblem(leaf, event);
      if (problem) {
        firstDifferingLeaf = {
          leafIndex: Number(leaf.leaf_index),
          problem,
          treeEventId: leaf.tree_event_id,
          logEventId: event?.event_id ?? null,
        };
      }
    }
  }

  const streamHeads = await streamHeadProblems(pool);
  const latestTreeHead = head && {
    treeSize: head.treeSize,
    issuedAt: head.issuedAt,
    signatureValid: verifyTreeHead(head, publicKey),
    logMatches: headRoot !== undefined && headRoot.toString('hex') === head.rootHash,
  };
  return {
    valid:
      firstDifferingLeaf === null &&
      streamHeads.length === 0 &&
      (!latestTreeHead || (latestTreeHead.signatureValid && latestTreeHead.logMatches)),
    treeSize,
    leavesVerified: firstDifferingLeaf?.leafIndex ?? treeSize,
    firstDifferingLeaf,
    latestTreeHead: latestTreeHead ?? null,
    streamHeads,
  };
}

function leafProblem(leaf: LeafRow, event: EventRow | undefined): LeafProblem | undefined {
  if (!event) return 'event_missing';
  if (event.event_id !== leaf.tree_event_id) return 'event_differs';
  if (!leafHash(Buffer.from(event.hash, 'hex')).equals(leaf.leaf_hash)) return 'hash_differs';
  return undefined;
}

/**
 * A stream's head must name an event the log holds, and when the tree covers that event, the
 * tree's leaf must hold the head's hash: a head moved back over a deleted tail, or forward over
 * a rewritten one, then disagrees with what was signed.
 */
async function streamHeadProblems(pool: Pool): Promise<StreamHeadProblem[]> {
  const { rows } = await pool.query<{ stream_id: string; version: number; detail: string }>(
    `SELECT stream_id, version, detail FROM (
       SELECT s.stream_id, s.version, CASE
         WHEN e.event_id IS NULL THEN format('the head names version %s, which the log does not hold', s.version)
         WHEN l.leaf_hash IS NOT NULL AND l.leaf_hash <> sha256('\\x00'::bytea || decode(s.last_hash, 'hex'))
           THEN format('the head''s hash is not the one the tree holds for version %s', s.version)
         WHEN EXISTS (SELECT 1 FROM events later
                      JOIN ledger_leaves held ON held.global_position = later.global_position
                        AND held.event_id = later.event_id
                      WHERE later.stream_id = s.stream_id AND later.stream_version > s.version)
           THEN format('the tree holds events of this stream after the head''s version %s', s.version)
       END AS detail
       FROM event_streams s
       LEFT JOIN events e ON e.stream_id = s.stream_id AND e.stream_version = s.version
       LEFT JOIN ledger_leaves l ON l.global_position = e.global_position AND l.event_id = e.event_id
     ) checked
     WHERE detail IS NOT NULL ORDER BY stream_id LIMIT $1`,
    [HEAD_PROBLEMS_LISTED],
  );
  return rows.map((row) => ({ streamId: row.stream_id, version: row.version, detail: row.detail }));
}
