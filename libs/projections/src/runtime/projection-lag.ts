import type { Pool } from 'pg';
import type { PostgresEventStore } from '@talent/event-store';
import { START_OF_STORE } from '@talent/event-store';

export interface ProjectionLag {
  projection: string;
  eventsApplied: number;
  /** How long the oldest event not yet applied has waited; 0 when caught up. */
  lagSeconds: number;
  caughtUp: boolean;
}

/**
 * Staleness of each read model: now minus the recording time of the oldest event it has not
 * applied yet. (The age of the newest applied event would grow while nothing happens, which is
 * not lag.)
 */
export async function measureProjectionLag(
  pool: Pool,
  store: PostgresEventStore,
  projections: readonly string[],
  now: () => Date = () => new Date(),
): Promise<ProjectionLag[]> {
  const { rows } = await pool.query<{
    projection: string;
    transaction_id: string;
    global_position: string;
    events_applied: string;
  }>(
    `SELECT projection, transaction_id, global_position, events_applied FROM projection_checkpoints
     WHERE projection = ANY($1)`,
    [projections],
  );
  const checkpoints = new Map(rows.map((row) => [row.projection, row]));
  return Promise.all(
    projections.map(async (projection) => {
      const row = checkpoints.get(projection);
      const after = row
        ? { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) }
        : START_OF_STORE;
      const [next] = await store.readAll({ after, limit: 1 });
      const lagSeconds = next ? Math.max(0, (now().getTime() - next.recordedAt.getTime()) / 1000) : 0;
      return { projection, eventsApplied: Number(row?.events_applied ?? 0), lagSeconds, caughtUp: !next };
    }),
  );
}
