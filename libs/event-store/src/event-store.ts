import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { EventIdConflictError, InvalidEventError, StreamVersionConflictError } from './event-store.errors';
import { eventHash } from './hash-chain';
import {
  type AppendResult,
  type EventCursor,
  type EventMetadata,
  type ExpectedVersion,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
  START_OF_STORE,
} from './types';
import { UpcasterChain, type Upcaster } from './upcasting';

export const EVENTS_NOTIFY_CHANNEL = 'talent_events';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
  clock?: () => Date;
}

export interface AppendOptions {
  /** Defaults to the stream id's prefix before the first '-' (`case-…` → `case`). */
  streamType?: string;
}

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: JsonObject;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  previous_hash: string | null;
  hash: string;
}

const EVENT_COLUMNS = `global_position, transaction_id, stream_id, stream_version, event_id, event_type, schema_version, data,
  metadata, occurred_at, recorded_at, previous_hash, hash`;

/**
 * Only rows of transactions older than every transaction still running. Any row that becomes
 * visible later belongs to a transaction at or above that horizon, so it sorts after everything
 * already read in (transaction_id, global_position) order: a reader never skips an event.
 */
const GAP_SAFE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

function toJson<T>(value: T, what: string): T {
  const encoded = JSON.stringify(value);
  if (encoded === undefined) throw new InvalidEventError(`${what} is not JSON`);
  // PostgreSQL's jsonb cannot hold NUL; refuse it here rather than fail mid-transaction.
  if (encoded.includes('\\u0000')) throw new InvalidEventError(`${what} contains a NUL character`);
  return JSON.parse(encoded) as T;
}

function normalise(events: readonly NewEvent<string, object>[], now: Date) {
  if (events.length === 0) throw new InvalidEventError('An append needs at least one event');
  return events.map((event, index) => {
    const where = `events[${index}]`;
    if (typeof event.type !== 'string' || event.type.trim() === '') {
      throw new InvalidEventError(`${where}.type must be a non-empty string`);
    }
    if (event.eventId !== undefined && !UUID.test(event.eventId)) {
      throw new InvalidEventError(`${where}.eventId must be a UUID`);
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidEventError(`${where}.data must be a JSON object`);
    }
    const schemaVersion = event.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidEventError(`${where}.schemaVersion must be a positive integer`);
    }
    const occurredAt = event.occurredAt ?? now;
    if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
      throw new InvalidEventError(`${where}.occurredAt must be a valid date`);
    }
    return {
      eventId: (event.eventId ?? randomUUID()).toLowerCase(),
      type: event.type,
      schemaVersion,
      data: toJson(event.data as JsonObject, `${where}.data`),
      metadata: toJson(event.metadata ?? {}, `${where}.metadata`),
      occurredAt,
    };
  });
}

function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 0;
  return expected === actual;
}

/** The business log: append-only, per-stream optimistic concurrency, hash-chained, gap-safe. */
export class PostgresEventStore {
  private readonly upcasters: UpcasterChain;
  private readonly clock: () => Date;

  constructor(
    private readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.clock = options.clock ?? (() => new Date());
  }

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return this.inTransaction((client) => this.appendWithin(client, streamId, expectedVersion, events, options));
  }

  /**
   * Appends inside the caller's open transaction, so events can commit atomically with other
   * writes. Retrying with the same event ids returns the stored result and writes nothing.
   */
  async appendWithin(
    client: PoolClient,
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (!streamId) throw new InvalidEventError('streamId must be a non-empty string');
    const recordedAt = this.clock();
    const normalised = normalise(events, recordedAt);
    const streamType = options.streamType ?? streamId.split('-')[0]!;

    // One writer per stream, and the transaction gets its id only once it holds the stream:
    // then a stream's later versions always come from later transactions, so the global order
    // (by transaction first) keeps every stream's own order. Advisory locks take no xid.
    const lock = await client.query<{ has_xid: boolean }>(
      'SELECT pg_advisory_xact_lock(hashtextextended($1, 0)), pg_current_xact_id_if_assigned() IS NOT NULL AS has_xid',
      [streamId],
    );
    if (lock.rows[0]!.has_xid) {
      throw new InvalidEventError('appendWithin must come before any other write of its transaction');
    }
    const stream = await client.query<{ version: number; last_hash: string | null }>(
      'SELECT version, last_hash FROM event_streams WHERE stream_id = $1',
      [streamId],
    );
    const currentVersion = stream.rows[0]?.version ?? 0;
    const lastHash = stream.rows[0]?.last_hash ?? null;

    const replay = await this.storedResult(client, streamId, normalised);
    if (replay) return replay;
    if (!versionMatches(expectedVersion, currentVersion)) {
      throw new StreamVersionConflictError(streamId, expectedVersion, currentVersion === 0 ? null : currentVersion);
    }

    let previousHash = lastHash;
    const rows = normalised.map((event, index) => {
      const streamVersion = currentVersion + index + 1;
      const hash = eventHash(previousHash, { ...event, streamId, streamVersion, recordedAt });
      const row = { ...event, streamVersion, previousHash, hash };
      previousHash = hash;
      return row;
    });

    const nextVersion = currentVersion + rows.length;
    let inserted;
    try {
      await client.query(
        `INSERT INTO event_streams (stream_id, stream_type, version, last_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, last_hash = excluded.last_hash,
                                               updated_at = now()`,
        [streamId, streamType, nextVersion, previousHash],
      );
      inserted = await client.query<{ global_position: string; event_id: string }>(
        `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                             occurred_at, recorded_at, previous_hash, hash)
         SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[],
                                  $8::timestamptz[], $9::timestamptz[], $10::text[], $11::text[])
         RETURNING global_position, event_id`,
        [
          streamId,
          rows.map((row) => row.streamVersion),
          rows.map((row) => row.eventId),
          rows.map((row) => row.type),
          rows.map((row) => row.schemaVersion),
          rows.map((row) => JSON.stringify(row.data)),
          rows.map((row) => JSON.stringify(row.metadata)),
          rows.map((row) => row.occurredAt),
          rows.map(() => recordedAt),
          rows.map((row) => row.previousHash),
          rows.map((row) => row.hash),
        ],
      );
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw new EventIdConflictError(
          streamId,
          rows.map((row) => row.eventId),
          'an event id is already used by another stream',
        );
      }
      throw error;
    }
    const positions = new Map(inserted.rows.map((row) => [row.event_id, BigInt(row.global_position)]));
    const lastGlobalPosition = positions.get(rows[rows.length - 1]!.eventId)!;
    // Delivered at commit; subscribers wake up instead of waiting for their next poll.
    await client.query('SELECT pg_notify($1, $2)', [EVENTS_NOTIFY_CHANNEL, lastGlobalPosition.toString()]);
    return {
      streamId,
      nextExpectedVersion: nextVersion,
      lastGlobalPosition,
      events: rows.map((row) => ({
        eventId: row.eventId,
        streamVersion: row.streamVersion,
        globalPosition: positions.get(row.eventId)!,
        hash: row.hash,
      })),
      alreadyStored: false,
    };
  }

  /** Events of one stream in order, from a version on. */
  async readStream(
    streamId: string,
    { fromVersion = 1, maxCount = 10_000 }: { fromVersion?: number; maxCount?: number } = {},
  ): Promise<RecordedEvent[]> {
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2
       ORDER BY stream_version LIMIT $3`,
      [streamId, fromVersion, maxCount],
    );
    return result.rows.map((row) => this.toRecorded(row));
  }

  /** The stream's current version, 0 when it does not exist. */
  async streamVersion(streamId: string): Promise<number> {
    const result = await this.pool.query<{ version: number }>(
      'SELECT version FROM event_streams WHERE stream_id = $1',
      [streamId],
    );
    return result.rows[0]?.version ?? 0;
  }

  /**
   * The global order after `after`, never skipping an event that a slower transaction has yet
   * to commit. Pass a client to read inside a transaction (a projector's).
   */
  async readAll(
    { after = START_OF_STORE, limit = 1000 }: { after?: EventCursor; limit?: number } = {},
    client: Pick<PoolClient, 'query'> = this.pool,
  ): Promise<RecordedEvent[]> {
    const result = await client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint) AND ${GAP_SAFE}
       ORDER BY transaction_id, global_position LIMIT $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), limit],
    );
    return result.rows.map((row) => this.toRecorded(row));
  }

  /** The last event a gap-safe reader can see now, with its recording time. */
  async head(client: Pick<PoolClient, 'query'> = this.pool): Promise<{ cursor: EventCursor; recordedAt: Date | null }> {
    const result = await client.query<{ transaction_id: string; global_position: string; recorded_at: Date }>(
      `SELECT transaction_id, global_position, recorded_at FROM events WHERE ${GAP_SAFE}
       ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    const row = result.rows[0];
    if (!row) return { cursor: START_OF_STORE, recordedAt: null };
    return {
      cursor: { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) },
      recordedAt: row.recorded_at,
    };
  }

  private async storedResult(
    client: PoolClient,
    streamId: string,
    events: ReturnType<typeof normalise>,
  ): Promise<AppendResult | undefined> {
    const ids = events.map((event) => event.eventId);
    const found = await client.query<
      Pick<EventRow, 'global_position' | 'stream_id' | 'stream_version' | 'event_id' | 'event_type' | 'hash'>
    >(
      `SELECT global_position, stream_id, stream_version, event_id, event_type, hash FROM events
       WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`,
      [ids],
    );
    if (found.rowCount === 0) return undefined;
    const stored = new Map(found.rows.map((row) => [row.event_id, row]));
    const sameEvents =
      found.rowCount === events.length &&
      events.every((event) => {
        const row = stored.get(event.eventId);
        return row?.stream_id === streamId && row.event_type === event.type;
      });
    if (!sameEvents) {
      throw new EventIdConflictError(streamId, [...stored.keys()], 'a retry must resend exactly the same events');
    }
    const rows = events.map((event) => stored.get(event.eventId)!);
    const version = await client.query<{ version: number }>('SELECT version FROM event_streams WHERE stream_id = $1', [
      streamId,
    ]);
    return {
      streamId,
      nextExpectedVersion: version.rows[0]!.version,
      lastGlobalPosition: BigInt(rows[rows.length - 1]!.global_position),
      events: rows.map((row) => ({
        eventId: row.event_id,
        streamVersion: row.stream_version,
        globalPosition: BigInt(row.global_position),
        hash: row.hash,
      })),
      alreadyStored: true,
    };
  }

  private toRecorded(row: EventRow): RecordedEvent {
    const { schemaVersion, data } = this.upcasters.upcast(row.event_type, row.schema_version, row.data, row.metadata);
    return {
      globalPosition: BigInt(row.global_position),
      transactionId: BigInt(row.transaction_id),
      streamId: row.stream_id,
      streamVersion: row.stream_version,
      eventId: row.event_id,
      type: row.event_type,
      schemaVersion,
      data,
      metadata: row.metadata,
      occurredAt: row.occurred_at,
      recordedAt: row.recorded_at,
      previousHash: row.previous_hash,
      hash: row.hash,
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
