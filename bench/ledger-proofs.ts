import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { EventSubscription } from '@talent/event-store';
import { LedgerTree } from '@talent/ledger';

/**
 * The tree kept while appends run. Without `everyMs`, at its most eager: extended as soon as events
 * are appended (woken like a projector). With it, as the worker keeps it, extended at an interval
 * (the worker's is LEDGER_TREE_HEAD_INTERVAL_SECONDS, 300 s by default). Resolves once the tree
 * holds the events appended before (by the runs without it), so a run pays only for its own.
 */
export async function followLedger(
  pool: Pool,
  { everyMs }: { everyMs?: number } = {},
): Promise<{ stop(): Promise<number> }> {
  const tree = new LedgerTree(pool);
  await tree.catchUp();
  const subscription = new EventSubscription(pool, { pollIntervalMs: 50 });
  const stopping = new AbortController();
  const running = (async () => {
    if (everyMs === undefined) await subscription.start();
    while (!stopping.signal.aborted) {
      await tree.catchUp();
      if (everyMs === undefined) await subscription.waitForEvents(stopping.signal);
      else await sleep(everyMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
    if (everyMs === undefined) await subscription.stop();
    return tree.catchUp();
  })();
  return {
    stop: () => {
      stopping.abort();
      return running;
    },
  };
}

export interface ProofTimings {
  /** Leaves the tree already held (followed during the append runs) and holds after the build. */
  builtFrom: number;
  treeSize: number;
  buildSeconds: number;
  inclusion: number[];
  consistency: number[];
}

const randomBelow = (limit: number) => Math.floor(Math.random() * limit);

async function timed(work: () => Promise<unknown>): Promise<number> {
  const before = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - before) / 1e6;
}

/**
 * Builds the tree over every stored event, then times proofs against the full tree: inclusion
 * of the events at `samples` random leaves, and consistency from `samples` random earlier sizes.
 */
export async function timeProofs(pool: Pool, samples: number): Promise<ProofTimings> {
  const tree = new LedgerTree(pool);
  const builtFrom = await tree.size();
  const started = process.hrtime.bigint();
  const treeSize = await tree.catchUp(50_000);
  const buildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // A tree built in one go leaves the planner without statistics, autovacuum with work to do and
  // a checkpoint writing out the seeding, which a tree grown over months has long had done; time
  // the proofs in that steady state. (Without the checkpoint, a build fast enough to end inside
  // it doubled the proofs' p99.)
  await pool.query('VACUUM ANALYZE ledger_leaves, ledger_nodes, events');
  await pool.query('CHECKPOINT');
  const leaves = Array.from({ length: samples }, () => randomBelow(treeSize));
  const { rows } = await pool.query<{ leaf_index: string; event_id: string }>(
    'SELECT leaf_index, event_id FROM ledger_leaves WHERE leaf_index = ANY($1::bigint[])',
    [leaves],
  );
  const eventAt = new Map(rows.map((row) => [Number(row.leaf_index), row.event_id]));
  const inclusion: number[] = [];
  for (const leaf of leaves) inclusion.push(await timed(() => tree.inclusionProof(eventAt.get(leaf)!, treeSize)));
  const consistency: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    consistency.push(await timed(() => tree.consistencyProof(1 + randomBelow(treeSize - 1), treeSize)));
  }
  return { builtFrom, treeSize, buildSeconds, inclusion, consistency };
}
