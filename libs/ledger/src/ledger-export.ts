import type { Pool } from 'pg';
import {
  cursorOf,
  type ExportedEvent,
  exportedEvent,
  PostgresEventStore,
  START_OF_STORE,
  type StreamExportLedger,
} from '@talent/event-store';
import { LedgerTree } from './ledger-tree';
import { LEDGER_EXPORT_FORMAT } from './ledger-export-verification';
import type { TreeHead } from './tree-head';

const PAGE = 5_000;

/** One leaf of the tree beside the event the log holds at that place in its global order now. */
export interface ExportedLeaf {
  leafIndex: number;
  /** The event the tree took as this leaf. */
  eventId: string;
  /** The leaf's hash as the tree keeps it: SHA-256 of 0x00 and the event's hash, hex. */
  leafHash: string;
  /** Null where the log has run out of events. */
  event: (ExportedEvent & { streamId: string }) | null;
}

/**
 * Every leaf of the tree signed by `treeHead`, each with the log's event at its place, to check
 * offline (verifyLedgerExport) against a head saved earlier. Nothing in it needs trusting: the
 * leaves must hash to the signed roots, the events to the leaves.
 */
export interface LedgerExport {
  format: typeof LEDGER_EXPORT_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  treeHead: TreeHead;
  leaves: ExportedLeaf[];
}

/** Reads the tree and the log page by page, in step; the events as stored (no upcasters), so hashes hold. */
export async function exportLedger(pool: Pool, treeHead: TreeHead, exportedAt: Date): Promise<LedgerExport> {
  const tree = new LedgerTree(pool);
  const store = new PostgresEventStore(pool);
  const leaves: ExportedLeaf[] = [];
  let after = START_OF_STORE;
  while (leaves.length < treeHead.treeSize) {
    const page = await tree.leaves(leaves.length, Math.min(PAGE, treeHead.treeSize - leaves.length));
    if (page.length === 0) break;
    const events = await store.readAll({ after, limit: page.length });
    const last = events.at(-1);
    if (last) after = cursorOf(last);
    page.forEach((leaf, at) => {
      const event = events[at];
      leaves.push({
        leafIndex: leaf.leafIndex,
        eventId: leaf.eventId,
        leafHash: leaf.leafHash.toString('hex'),
        event: event ? { streamId: event.streamId, ...exportedEvent(event) } : null,
      });
    });
  }
  return {
    format: LEDGER_EXPORT_FORMAT,
    formatVersion: 1,
    exportedAt: exportedAt.toISOString(),
    treeHead,
    leaves,
  };
}

/**
 * What a stream export carries to tie its events to the ledger: the head, each event's inclusion
 * proof in it, and, when the auditor names the size of a head they saved (`consistencyFrom`), the
 * proof that the head extends it.
 */
export async function streamExportLedger(
  pool: Pool,
  eventIds: readonly string[],
  treeHead: TreeHead,
  consistencyFrom?: number,
): Promise<StreamExportLedger> {
  const tree = new LedgerTree(pool);
  const proofs = await tree.inclusionProofs(eventIds, treeHead.treeSize);
  return {
    treeHead,
    inclusion: proofs.map(({ leafIndex, proof }) => ({ leafIndex, proof })),
    consistency: consistencyFrom === undefined ? null : await tree.consistencyProof(consistencyFrom, treeHead.treeSize),
  };
}
