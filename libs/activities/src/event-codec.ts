import type { Actor, CaseEvent, CaseState, PlanEvent } from '@talent/domain';
import { evolve } from '@talent/domain';
import type { NewEvent, RecordedEvent } from '@talent/event-store';
import { eventIdFor } from './event-ids';

type DomainEvent = CaseEvent | PlanEvent;

/**
 * The one mapping between the domain's events and the store's rows: who, why and when travel
 * as metadata and occurredAt, the rest as data; ids come from the stream and version, so a
 * retried write is recognised as the same.
 */
export function toStoredEvents(
  streamId: string,
  fromVersion: number,
  events: readonly DomainEvent[],
  context: { divisionCode: string; correlationId: string },
): NewEvent[] {
  return events.map((event, index) => ({
    eventId: eventIdFor(streamId, fromVersion + index + 1),
    type: event.type,
    data: event.data as object as NewEvent['data'],
    metadata: {
      actor: event.meta.actor,
      ...(event.meta.reason !== undefined && { reason: event.meta.reason }),
      correlationId: context.correlationId,
      divisionCode: context.divisionCode,
    },
    occurredAt: new Date(event.meta.occurredAt),
  }));
}

/** A stored row of a case's stream as the domain event it was. */
export function toCaseEvent(event: RecordedEvent): CaseEvent {
  return {
    type: event.type,
    data: event.data,
    meta: {
      actor: event.metadata.actor as Actor,
      ...(event.metadata.reason !== undefined && { reason: event.metadata.reason }),
      occurredAt: event.occurredAt.toISOString(),
    },
  } as CaseEvent;
}

/** A case's state folded from its stored events, with the same evolve the workflow uses. */
export function caseStateOf(events: readonly RecordedEvent[]): CaseState | undefined {
  return events.map(toCaseEvent).reduce<CaseState | undefined>(evolve, undefined);
}
