import type { Pool, PoolClient } from 'pg';
import { EventIdConflictError, InvalidEventError, StreamVersionConflictError } from './event-store.errors';
import { canonicalEvent, type NormalisedEvent, sha256Hex, type StreamHead } from './hash-chain';
import type { AppendResult, ExpectedVersion } from './types';

export const EVENTS_NOTIFY_CHANNEL = 'talent_events';

const NOTIFY = `SELECT pg_notify('${EVENTS_NOTIFY_CHANNEL}', '')`;

/**
 * Wakes EventSubscriptions after appends committed on the pool, each NOTIFY its own short
 * transaction: inside an append's it would hold PostgreSQL's global notify lock until that
 * commit is flushed, so appends could no longer commit together (NotifyAfterAppend1764000033000).
 * Coalesced: one NOTIFY in flight at a time, and one more after it if appends committed
 * meanwhile, so every append is followed by a NOTIFY sent after its commit. A lost one only
 * delays a subscriber to its poll interval.
 */
export class AppendNotifier {
  private inFlight = false;
  private again = false;

  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  appended(): void {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void this.send();
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      await this.pool.query(NOTIFY).catch(() => undefined);
    } while (this.again);
    this.inFlight = false;
  }
}

/** Inside the caller's transaction, the NOTIFY is delivered at its commit, after the events. */
export async function notifyAtCommit(client: Pick<PoolClient, 'query'>): Promise<void> {
  await client.query(NOTIFY);
}

const UNIQUE_VIOLATION = '23505';
const INVALID_TRANSACTION_STATE = '25000';

interface StoredEventRef {
  global_position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  hash: string;
}

export async function readStreamHead(client: Pick<PoolClient, 'query'>, streamId: string): Promise<StreamHead> {
  const { rows } = await client.query<{ version: number; last_hash: string | null }>(
    'SELECT version, last_hash FROM event_streams WHERE stream_id = $1',
    [streamId],
  );
  return { version: rows[0]?.version ?? 0, lastHash: rows[0]?.last_hash ?? null };
}

/** A retry of an append already stored returns its result; a partial or foreign match is refused. */
function storedResult(
  streamId: string,
  events: NormalisedEvent[],
  version: number,
  stored: StoredEventRef[],
): AppendResult {
  const byId = new Map(stored.map((row) => [row.event_id, row]));
  const sameEvents =
    stored.length === events.length &&
    events.every((event) => {
      const row = byId.get(event.eventId);
      return row?.stream_id === streamId && row.event_type === event.type;
    });
  if (!sameEvents) {
    throw new EventIdConflictError(streamId, [...byId.keys()], 'a retry must resend exactly the same events');
  }
  const rows = events.map((event) => byId.get(event.eventId)!);
  return {
    streamId,
    nextExpectedVersion: version,
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

const EXPECTED_ANY = -1;
const EXPECTED_NO_STREAM = -2;
const STALE_HEAD_RETRIES = 20;

/**
 * One append through `append_events` (see its migrations): each event goes as its canonical JSON,
 * which the database stores and hashes itself; hashes are chained from `head`; if
 * another writer moved the stream meanwhile, the function says so and we chain again from the
 * head it reports. Returns the result and the stream's new head.
 */
export async function appendEvents(
  client: Pick<PoolClient, 'query'>,
  streamId: string,
  streamType: string,
  expectedVersion: ExpectedVersion,
  events: NormalisedEvent[],
  recordedAt: Date,
  head: StreamHead,
): Promise<{ result: AppendResult; head: StreamHead }> {
  const expected =
    expectedVersion === 'any' ? EXPECTED_ANY : expectedVersion === 'no_stream' ? EXPECTED_NO_STREAM : expectedVersion;
  let base = head;
  for (let attempt = 0; attempt < STALE_HEAD_RETRIES; attempt += 1) {
    let previousHash = base.lastHash;
    const chained = events.map((event, index) => {
      const canonical = canonicalEvent(previousHash, {
        ...event,
        streamId,
        streamVersion: base.version + index + 1,
        recordedAt,
      });
      previousHash = sha256Hex(canonical);
      return { canonical, hash: previousHash };
    });
    const outcome = await callAppendFunction(client, streamId, streamType, expected, base, events, chained);
    const current = { version: outcome.version, lastHash: outcome.last_hash };
    switch (outcome.outcome) {
      case 'appended':
        return {
          head: current,
          result: {
            streamId,
            nextExpectedVersion: outcome.version,
            lastGlobalPosition: BigInt(outcome.positions!.at(-1)!),
            events: events.map((event, index) => ({
              eventId: event.eventId,
              streamVersion: base.version + index + 1,
              globalPosition: BigInt(outcome.positions![index]!),
              hash: chained[index]!.hash,
            })),
            alreadyStored: false,
          },
        };
      case 'stored':
        return { head: current, result: storedResult(streamId, events, outcome.version, outcome.stored!) };
      case 'conflict':
        throw new StreamVersionConflictError(streamId, expectedVersion, outcome.version === 0 ? null : outcome.version);
      case 'stale':
        base = current;
    }
  }
  throw new StreamVersionConflictError(streamId, expectedVersion, base.version);
}

interface AppendOutcome {
  outcome: 'appended' | 'stored' | 'conflict' | 'stale';
  version: number;
  last_hash: string | null;
  stored: StoredEventRef[] | null;
  positions: string[] | null;
}

async function callAppendFunction(
  client: Pick<PoolClient, 'query'>,
  streamId: string,
  streamType: string,
  expected: number,
  base: StreamHead,
  events: NormalisedEvent[],
  chained: Array<{ canonical: string; hash: string }>,
): Promise<AppendOutcome> {
  try {
    const { rows } = await client.query<AppendOutcome>({
      // Prepared once per connection: every append is this statement, so none is parsed and planned again.
      name: 'append_events',
      text: 'SELECT * FROM append_events($1, $2, $3, $4, $5, $6::uuid[], $7::text[], $8::text[])',
      values: [
        streamId,
        streamType,
        expected,
        base.version,
        base.lastHash,
        events.map((event) => event.eventId),
        chained.map((link) => link.canonical),
        chained.map((link) => link.hash),
      ],
    });
    return rows[0]!;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === UNIQUE_VIOLATION) {
      throw new EventIdConflictError(
        streamId,
        events.map((event) => event.eventId),
        'an event id is already used by another stream',
      );
    }
    if (code === INVALID_TRANSACTION_STATE) {
      throw new InvalidEventError('appendWithin must come before any other write of its transaction');
    }
    // Class 22, data exceptions: the same events would fail the same way on every retry.
    if (code?.startsWith('22'))
      throw new InvalidEventError(`PostgreSQL refused the events: ${(error as Error).message}`);
    throw error;
  }
}
