import type { Pool, PoolClient } from 'pg';
import { cursorOf, type EventCursor, type PostgresEventStore, START_OF_STORE } from '@talent/event-store';
import type { Projection } from './projection';

export interface RebuildProgress {
  projections: string[];
  eventsApplied: number;
  eventsPerSecond: number;
  /** True on the last report, once the rebuild has caught up with the store. */
  done: boolean;
}

const shadow = (table: string) => `${table}__rebuild`;

/**
 * Hands the rebuilt tables and their checkpoint to the live runner in one transaction. The
 * table lock waits for a live batch in flight and holds off the next; that batch's guarded
 * checkpoint update then finds the checkpoint moved and discards it.
 */
async function swapIn(client: PoolClient, projection: Projection, cursor: EventCursor, eventsApplied: number) {
  await client.query('BEGIN');
  try {
    await client.query(`LOCK TABLE ${projection.tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    for (const table of projection.tables) {
      await client.query(`DROP TABLE ${table}`);
      await client.query(`ALTER TABLE ${shadow(table)} RENAME TO ${table}`);
    }
    await client.query(
      `INSERT INTO projection_checkpoints (projection, transaction_id, global_position, events_applied, updated_at)
       VALUES ($1, $2::text::xid8, $3, $4, now())
       ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id,
         global_position = excluded.global_position, events_applied = excluded.events_applied, updated_at = now()`,
      [projection.name, cursor.transactionId.toString(), cursor.globalPosition.toString(), eventsApplied],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Rebuilds projections from the start of the store into shadow copies of their tables, reading
 * the store once for all of them, while the live tables stay readable and their runners keep
 * applying; then swaps each in with the rebuild's checkpoint. What arrived after that checkpoint
 * the live runners apply to the new tables. A crash mid-rebuild leaves the live tables as they
 * were; the next rebuild starts over.
 */
export async function rebuildProjections(
  pool: Pool,
  store: PostgresEventStore,
  projections: readonly Projection[],
  options: { batchSize?: number; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const names = projections.map((projection) => projection.name);
  const client = await pool.connect();
  try {
    for (const name of names) {
      const locked = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [`projection-rebuild:${name}`],
      );
      if (!locked.rows[0]!.locked) throw new Error(`A rebuild of ${name} is already running`);
    }
    for (const table of projections.flatMap((projection) => projection.tables)) {
      await client.query(`DROP TABLE IF EXISTS ${shadow(table)}`);
      await client.query(`CREATE TABLE ${shadow(table)} (LIKE ${table} INCLUDING ALL)`);
    }
    const started = Date.now();
    let cursor = START_OF_STORE;
    let total = 0;
    for (;;) {
      // Read outside the write transaction, so its own id never holds back the events it reads.
      const events = await store.readAll({ after: cursor, limit: batchSize }, client);
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      options.onProgress?.({
        projections: names,
        eventsApplied: total,
        eventsPerSecond: total / seconds,
        done: events.length === 0,
      });
      if (events.length === 0) break;
      await client.query('BEGIN');
      try {
        for (const projection of projections) await projection.apply({ client, table: shadow }, events);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      cursor = cursorOf(events[events.length - 1]!);
      total += events.length;
    }
    for (const projection of projections) await swapIn(client, projection, cursor, total);
    return total;
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    client.release();
  }
}
