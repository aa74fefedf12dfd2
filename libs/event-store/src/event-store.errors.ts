import type { ExpectedVersion } from './types';

export type EventStoreErrorCode = 'STREAM_VERSION_CONFLICT' | 'EVENT_ID_CONFLICT' | 'INVALID_EVENT';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** Another writer changed the stream first: reload, decide again, retry. */
export class StreamVersionConflictError extends EventStoreError {
  readonly code = 'STREAM_VERSION_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId} is at version ${actual ?? 'none (it does not exist)'}, but version ${String(expected)} was expected`,
    );
  }
}

/** An event id is reused for a different event: a retry must resend exactly the same events. */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    detail: string,
  ) {
    super(`Event ids ${eventIds.join(', ')} conflict with events already stored: ${detail}`);
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
}
