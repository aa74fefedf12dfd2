import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@talent/event-store';

/** What a projection gets to write with: its transaction, and the physical name of each table. */
export interface ProjectionContext {
  client: PoolClient;
  /** The live table, or its shadow copy during a rebuild. */
  readonly table: (name: string) => string;
}

/**
 * A read model fed by the global event order. `apply` runs inside the transaction that also
 * moves the checkpoint, so a batch is applied exactly once or not at all.
 */
export interface Projection {
  /** Stable name: the checkpoint key and the advisory-lock key. */
  readonly name: string;
  /** The tables it owns (created by its migration); a rebuild builds copies and swaps them in. */
  readonly tables: readonly string[];
  readonly apply: (context: ProjectionContext, events: readonly RecordedEvent[]) => Promise<void>;
}
