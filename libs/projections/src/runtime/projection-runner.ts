import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool, PoolClient } from 'pg';
import {
  cursorOf,
  type EventCursor,
  type EventSubscription,
  type PostgresEventStore,
  START_OF_STORE,
} from '@talent/event-store';
import type { Projection, ProjectionContext } from './projection';
import { type RebuildProgress, rebuildProjections } from './projection-rebuild';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Wakes the runner on new events; without one it polls every `idleWaitMs`. */
  subscription?: EventSubscription;
  idleWaitMs?: number;
  /**
   * The least time from one batch's start to the next one's while events keep coming: under load
   * each batch then takes everything appended meanwhile, instead of a batch per append for every
   * projection. An event that follows a quiet spell is applied at once.
   */
  batchIntervalMs?: number;
  log?: (message: string) => void;
}

interface Checkpoint {
  cursor: EventCursor;
  eventsApplied: bigint;
}

const lockKey = (projection: string) => `projection:${projection}`;

/**
 * Feeds one projection from the global order. Each batch and the checkpoint move in one
 * transaction, and only if the checkpoint is still where the batch started, so a crash between
 * or inside batches, or a rebuild swapping tables underneath, neither skips nor repeats an
 * event. Across processes, a session advisory lock lets exactly one runner apply a projection
 * at a time; when its holder's connection dies, PostgreSQL frees the lock and a standby takes over.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly batchIntervalMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleWaitMs = options.idleWaitMs ?? 1000;
    this.batchIntervalMs = options.batchIntervalMs ?? 0;
  }

  /** Applies one batch; returns how many events it applied (0 when caught up). */
  async applyNextBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      return await this.applyBatch(client, this.projection.name, (table) => table);
    } finally {
      client.release();
    }
  }

  /** Applies batches until no event is left; returns how many it applied. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (let applied = await this.applyNextBatch(); applied > 0; applied = await this.applyNextBatch()) {
      total += applied;
    }
    return total;
  }

  /** Runs until `signal` aborts: waits for the lock, then follows the store as events arrive. */
  async run(signal: AbortSignal): Promise<void> {
    const lockHolder = await this.pool.connect();
    try {
      while (!signal.aborted && !(await this.tryLock(lockHolder))) await this.idle(signal);
      while (!signal.aborted) {
        const started = Date.now();
        const applied = await this.applyNextBatch();
        if (applied === 0) await this.idle(signal);
        else if (applied < this.batchSize) await this.untilNextBatch(started, signal);
      }
    } finally {
      await lockHolder.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      lockHolder.release();
    }
  }

  /** Rebuilds this projection from the start of the store; see rebuildProjections. */
  rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<number> {
    return rebuildProjections(this.pool, this.store, [this.projection], {
      batchSize: this.batchSize,
      ...(onProgress && { onProgress }),
    });
  }

  private async applyBatch(
    client: PoolClient,
    checkpointKey: string,
    table: (name: string) => string,
  ): Promise<number> {
    // Read before writing anything: the transaction then has no id yet, so its own snapshot
    // does not hold back the events it is about to read.
    const checkpoint = await this.readCheckpoint(client, checkpointKey);
    const events = await this.store.readAll({ after: checkpoint.cursor, limit: this.batchSize }, client);
    if (events.length === 0) return 0;
    const last = cursorOf(events[events.length - 1]!);
    await client.query('BEGIN');
    try {
      const context: ProjectionContext = { client, table };
      await this.projection.apply(context, events);
      const moved = await client.query(
        `INSERT INTO projection_checkpoints (projection, transaction_id, global_position, events_applied, updated_at)
         VALUES ($1, $2::text::xid8, $3, $4, now())
         ON CONFLICT (projection) DO UPDATE SET transaction_id = excluded.transaction_id,
           global_position = excluded.global_position, events_applied = excluded.events_applied, updated_at = now()
         WHERE projection_checkpoints.transaction_id = $5::text::xid8
           AND projection_checkpoints.global_position = $6`,
        [
          checkpointKey,
          last.transactionId.toString(),
          last.globalPosition.toString(),
          (checkpoint.eventsApplied + BigInt(events.length)).toString(),
          checkpoint.cursor.transactionId.toString(),
          checkpoint.cursor.globalPosition.toString(),
        ],
      );
      // Someone else moved the checkpoint since we read it: drop this batch rather than apply twice.
      if (moved.rowCount !== 1) {
        await client.query('ROLLBACK');
        this.options.log?.(`${checkpointKey}: checkpoint moved by another runner; batch discarded`);
        return 0;
      }
      await client.query('COMMIT');
      return events.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async readCheckpoint(client: PoolClient, key: string): Promise<Checkpoint> {
    const result = await client.query<{ transaction_id: string; global_position: string; events_applied: string }>(
      'SELECT transaction_id, global_position, events_applied FROM projection_checkpoints WHERE projection = $1',
      [key],
    );
    const row = result.rows[0];
    if (!row) return { cursor: START_OF_STORE, eventsApplied: 0n };
    return {
      cursor: { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) },
      eventsApplied: BigInt(row.events_applied),
    };
  }

  private async tryLock(client: PoolClient): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [lockKey(this.projection.name)],
    );
    return result.rows[0]!.locked;
  }

  private async untilNextBatch(started: number, signal: AbortSignal): Promise<void> {
    const wait = started + this.batchIntervalMs - Date.now();
    if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
  }

  private async idle(signal: AbortSignal): Promise<void> {
    if (this.options.subscription) return this.options.subscription.waitForEvents(signal);
    await sleep(this.idleWaitMs, undefined, { signal }).catch(() => undefined);
  }
}
