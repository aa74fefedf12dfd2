export { PostgresEventStore, EVENTS_NOTIFY_CHANNEL } from './event-store';
export type { AppendOptions, EventStoreOptions } from './event-store';
export {
  EventStoreError,
  StreamVersionConflictError,
  EventIdConflictError,
  InvalidEventError,
} from './event-store.errors';
export type { EventStoreErrorCode } from './event-store.errors';
export { eventHash } from './hash-chain';
export { verifyStream } from './hash-chain-verification';
export type { BrokenLink, StreamVerification } from './hash-chain-verification';
export * from './stream-export';
export { UpcasterChain } from './upcasting';
export type { Upcaster } from './upcasting';
export { EventSubscription } from './event-subscription';
export { CreateEventStore1764000000000 } from './migrations/1764000000000-create-event-store';
export { CreateAppendFunction1764000003000 } from './migrations/1764000003000-create-append-function';
export { IndexEventsByTypeAndOccurrence1764000010000 } from './migrations/1764000010000-index-events-by-type-and-occurrence';
export { HashEventsInDatabase1764000030000 } from './migrations/1764000030000-hash-events-in-database';
export { NotifyAfterAppend1764000033000 } from './migrations/1764000033000-notify-after-append';
export type * from './types';
export { START_OF_STORE, cursorOf } from './types';
export { LruMap } from './lru-map';
