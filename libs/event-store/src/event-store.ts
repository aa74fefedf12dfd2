import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { AppendNotifier, appendEvents, notifyAtCommit, readStreamHead } from './append';
import type { NormalisedEvent, StreamHead } from './hash-chain';
import { InvalidEventError } from './event-store.errors';
import {
  type AppendResult,
  type EventCursor,
  type EventMetadata,
  type ExpectedVersion,
  type JsonObject,
  type NewEvent,
  type OccurrenceQuery,
  type RecordedEvent,
  START_OF_STORE,
} from './types';
import { LruMap } from './lru-map';
import { UpcasterChain, type Upcaster } from './upcasting';

export { EVENTS_NOTIFY_CHANNEL } from './append';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
  clock?: () => Date;
}

export interface AppendOptions {
  /** Defaults to the stream id's prefix before the first '-' (`case-…` → `case`). */
  streamType?: string;
}

export interface EventRow {
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

/** The path of the first string (or key) in `value` that is not well-formed Unicode, if any. */
function illFormedAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = key.isWellFormed() ? illFormedAt(item, `${path}.${key}`) : `${path} (a key)`;
    if (at) return at;
  }
  return undefined;
}

function toJson<T>(value: T, what: string): T {
  const encoded = JSON.stringify(value);
  if (encoded === undefined) throw new InvalidEventError(`${what} is not JSON`);
  // PostgreSQL's jsonb holds neither NUL nor a lone UTF-16 surrogate; refuse them here, where the
  // error names the field, rather than fail mid-transaction (and be retried for ever).
  if (encoded.includes('\\u0000')) throw new InvalidEventError(`${what} contains a NUL character`);
  const illFormed = illFormedAt(value, what);
  if (illFormed) throw new InvalidEventError(`${illFormed} is not well-formed Unicode (a lone surrogate)`);
  return JSON.parse(encoded) as T;
}

function normalise(events: readonly NewEvent<string, object>[], now: Date): NormalisedEvent[] {
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

/** The business log: append-only, per-stream optimistic concurrency, hash-chained, gap-safe. */
export class PostgresEventStore {
  private readonly upcasters: UpcasterChain;
  private readonly clock: () => Date;
  /**
   * The head each stream had after this process last wrote it, to chain the next append's
   * hashes without reading it first. A stale entry costs one retry, never a wrong write: the
   * append function checks the head under the stream's lock.
   */
  private readonly heads = new LruMap<string, StreamHead>(10_000);
  private readonly notifier: AppendNotifier;

  constructor(
    private readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.clock = options.clock ?? (() => new Date());
    this.notifier = new AppendNotifier(pool);
  }

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const result = await this.appendThrough(this.pool, streamId, expectedVersion, events, options);
    if (!result.alreadyStored) this.notifier.appended();
    return result;
  }

  /**
   * Appends inside the caller's open transaction, so events commit atomically with the writes
   * that follow (it must be the transaction's first write; see the append_events migration).
   * Retrying with the same event ids returns the stored result and writes nothing.
   */
  async appendWithin(
    client: PoolClient,
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const result = await this.appendThrough(client, streamId, expectedVersion, events, options);
    if (!result.alreadyStored) await notifyAtCommit(client);
    return result;
  }

  private async appendThrough(
    client: Pick<PoolClient, 'query'>,
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent<string, object>[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    if (!streamId) throw new InvalidEventError('streamId must be a non-empty string');
    const recordedAt = this.clock();
    const normalised = normalise(events, recordedAt);
    const streamType = options.streamType ?? streamId.split('-')[0]!;
    const head = this.heads.get(streamId) ?? (await readStreamHead(client, streamId));
    try {
      const appended = await appendEvents(client, streamId, streamType, expectedVersion, normalised, recordedAt, head);
      this.heads.set(streamId, appended.head);
      return appended.result;
    } catch (error) {
      this.heads.delete(streamId);
      throw error;
    }
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

  /**
   * A page of events of one type, across streams, in the order they occurred (then global
   * position). Keyset-paged along the events_type_occurrence_idx index, so a page reads what it
   * returns and what the filters pass over, never whole streams.
   */
  async readByOccurrence(query: OccurrenceQuery): Promise<RecordedEvent[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const conditions = [
      `event_type = ${param(query.type)}`,
      `occurred_at >= ${param(query.occurredFrom)}`,
      `occurred_at < ${param(query.occurredBefore)}`,
    ];
    if (query.after) {
      const { occurredAt, globalPosition } = query.after;
      conditions.push(
        `(occurred_at, global_position) > (${param(occurredAt)}::timestamptz, ${param(globalPosition.toString())}::bigint)`,
      );
    }
    if (query.dataContains) conditions.push(`data @> ${param(JSON.stringify(query.dataContains))}::jsonb`);
    if (query.metadataContains) conditions.push(`metadata @> ${param(JSON.stringify(query.metadataContains))}::jsonb`);
    const result = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${conditions.join(' AND ')}
       ORDER BY occurred_at, global_position LIMIT ${param(query.limit)}`,
      params,
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
}
