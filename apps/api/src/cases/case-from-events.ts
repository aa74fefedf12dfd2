import { type Actor, type CaseEvent, type CaseState, evolve } from '@talent/domain';
import type { RecordedEvent } from '@talent/event-store';

/** A case's state folded from its stored events, with the same evolve the workflow uses. */
export function caseStateOf(events: readonly RecordedEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(
    (current, event) =>
      evolve(current, {
        type: event.type,
        data: event.data,
        meta: {
          actor: event.metadata.actor as Actor,
          ...(event.metadata.reason !== undefined && { reason: event.metadata.reason }),
          occurredAt: event.occurredAt.toISOString(),
        },
      } as CaseEvent),
    undefined,
  );
}
