/** Who did something, in which role: every event records it (auditors ask "who, as what"). */
export interface Actor {
  id: string;
  role: string;
}

export interface EventMetadata {
  actor?: Actor;
  /** Why, in the actor's words (a rejection reason, an objection's grounds). */
  reason?: string;
  correlationId?: string;
  causationId?: string;
  /** 行政区划代码 of the county the fact belongs to. */
  divisionCode?: string;
  [key: string]: unknown;
}

/** Plain JSON, as stored in jsonb and covered by the hash. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface NewEvent<Type extends string = string, Data extends object = JsonObject> {
  /** Deterministic where a retry must be recognised (e.g. from workflow id and sequence). */
  eventId?: string;
  type: Type;
  schemaVersion?: number;
  data: Data;
  metadata?: EventMetadata;
  /** When it happened in the office; defaults to when it is recorded. */
  occurredAt?: Date;
}

/**
 * A place in the global order. The order is by writing transaction, then position: positions
 * are taken at insert time but become visible at commit, in any order, so position alone would
 * let a reader pass an event that a slower transaction commits later.
 */
export interface EventCursor {
  transactionId: bigint;
  globalPosition: bigint;
}

export const START_OF_STORE: EventCursor = { transactionId: 0n, globalPosition: 0n };

export function cursorOf(event: Pick<RecordedEvent, 'transactionId' | 'globalPosition'>): EventCursor {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** A place in the order events occurred in: when, then global position between events of one instant. */
export interface OccurrencePosition {
  occurredAt: Date;
  globalPosition: bigint;
}

/** Events of one type that occurred in [occurredFrom, occurredBefore), across streams. */
export interface OccurrenceQuery {
  type: string;
  occurredFrom: Date;
  occurredBefore: Date;
  /** Only events after this place: the last event of the previous page. */
  after?: OccurrencePosition;
  limit: number;
  /** Only events whose data contains this JSON (jsonb `@>`). */
  dataContains?: JsonObject;
  /** Only events whose metadata contains this JSON, e.g. `{ actor: { id } }`. */
  metadataContains?: JsonObject;
}

export interface RecordedEvent<Type extends string = string, Data extends object = JsonObject> {
  globalPosition: bigint;
  transactionId: bigint;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
  previousHash: string | null;
  hash: string;
}

/**
 * `no_stream`: the stream must not exist yet. `any`: no check. A number: the stream's current
 * version must be exactly that (0 also accepts a stream that does not exist yet).
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  nextExpectedVersion: number;
  /** Global position of the last event of this append. */
  lastGlobalPosition: bigint;
  events: Array<Pick<RecordedEvent, 'eventId' | 'streamVersion' | 'globalPosition' | 'hash'>>;
  /** True when every event id was already stored: a retried call that wrote nothing. */
  alreadyStored: boolean;
}
