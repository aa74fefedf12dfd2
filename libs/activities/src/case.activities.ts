import type { CaseEvent, PlanEvent, StageDefinition } from '@talent/domain';
import { toCaseStreamId, toPlanStreamId } from '@talent/domain';
import type { PostgresEventStore } from '@talent/event-store';
import { toStoredEvents } from './event-codec';
import { calendarNoticeEndsAt, noticeEndsAt, type WorkingDayCalendar } from './working-days';

export interface SchedulingSettings extends WorkingDayCalendar {
  /** Length of a day of the pipelines' durations, in milliseconds. */
  dayMs: number;
}

/**
 * The activities that write the business log and compute stage times. Event ids come from the
 * stream and version, so a retried activity writes nothing twice.
 */
export function createCaseActivities(store: PostgresEventStore, scheduling: SchedulingSettings) {
  return {
    async appendCaseEvents(input: {
      caseId: string;
      divisionCode: string;
      expectedVersion: number;
      events: CaseEvent[];
    }): Promise<void> {
      const streamId = toCaseStreamId(input.caseId);
      await store.append(
        streamId,
        input.expectedVersion === 0 ? 'no_stream' : input.expectedVersion,
        toStoredEvents(streamId, input.expectedVersion, input.events, {
          divisionCode: input.divisionCode,
          correlationId: input.caseId,
        }),
      );
    },

    async appendPlanEvents(input: {
      divisionCode: string;
      year: number;
      expectedVersion: number;
      events: PlanEvent[];
    }): Promise<void> {
      const streamId = toPlanStreamId(input.divisionCode, input.year);
      await store.append(
        streamId,
        input.expectedVersion === 0 ? 'no_stream' : input.expectedVersion,
        toStoredEvents(streamId, input.expectedVersion, input.events, {
          divisionCode: input.divisionCode,
          correlationId: streamId,
        }),
      );
    },

    /** Deadline, notice end and next follow-up of a stage entered at `enteredAt`. */
    scheduleStage(input: { stage: StageDefinition; enteredAt: string; followUpsDone: number }): Promise<{
      deadlineAt?: string;
      noticeEndsAt?: string;
      nextFollowUpAt?: string;
    }> {
      const { stage, followUpsDone } = input;
      const enteredAt = new Date(input.enteredAt);
      const after = (days: number) => new Date(enteredAt.getTime() + days * scheduling.dayMs).toISOString();
      const followUpDay = stage.repeatEveryDays
        ? stage.repeatEveryDays * (followUpsDone + 1)
        : stage.followUpDays?.[followUpsDone];
      return Promise.resolve({
        ...(stage.deadlineDays && { deadlineAt: after(stage.deadlineDays) }),
        ...(stage.noticeWorkingDays && {
          noticeEndsAt: noticeEndsAt(enteredAt, stage.noticeWorkingDays, scheduling.dayMs, scheduling).toISOString(),
        }),
        ...(stage.noticeDays && {
          noticeEndsAt: calendarNoticeEndsAt(enteredAt, stage.noticeDays, scheduling.dayMs).toISOString(),
        }),
        ...(followUpDay !== undefined && { nextFollowUpAt: after(followUpDay) }),
      });
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
