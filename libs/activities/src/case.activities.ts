import type { CaseEvent, PlanEvent, StageDefinition, StageTimes } from '@talent/domain';
import { stageScheduled, stageScheduling, toCaseStreamId, toPlanStreamId } from '@talent/domain';
import type { PostgresEventStore } from '@talent/event-store';
import type { CommandActivities, CommandCheck, CommandRefusal } from './command.activities';
import { toStoredEvents } from './event-codec';
import { calendarNoticeEndsAt, noticeEndsAt, type WorkingDayCalendar } from './working-days';

export interface SchedulingSettings extends WorkingDayCalendar {
  /** Length of a day of the pipelines' durations, in milliseconds. */
  dayMs: number;
}

export interface CaseAppend {
  caseId: string;
  divisionCode: string;
  expectedVersion: number;
  events: CaseEvent[];
}

/** A case's step as one local activity: the command checked, the stage entered timed, all appended at once. */
export interface CaseStep extends CaseAppend {
  /** The signed command the step carries out: checked before anything is written. */
  command?: CommandCheck;
  /** The stage the step enters, when it needs times: scheduled in the same append. */
  entering?: {
    /** The stage's key in the pipeline, and its definition. */
    stageId: string;
    stage: StageDefinition;
    enteredAt: string;
    /** When the StageScheduled happened in the office (consequenceTime). */
    occurredAt: string;
    /** A notice that already ended by then (the command's acceptance) waits for an officer's confirmation. */
    acceptedAt: string;
  };
}

/** A refused command (nothing written), or the StageScheduled appended after the step's events. */
export type CaseStepOutcome = { refused: CommandRefusal } | { scheduled: CaseEvent[] };

/**
 * The activities that write the business log and compute stage times. Event ids come from the
 * stream and version, so a retried activity writes nothing twice.
 */
export function createCaseActivities(
  store: PostgresEventStore,
  scheduling: SchedulingSettings,
  commands: Pick<CommandActivities, 'verifyCommand'>,
) {
  const appendCaseEvents = async (input: CaseAppend): Promise<void> => {
    const streamId = toCaseStreamId(input.caseId);
    await store.append(
      streamId,
      input.expectedVersion === 0 ? 'no_stream' : input.expectedVersion,
      toStoredEvents(streamId, input.expectedVersion, input.events, {
        divisionCode: input.divisionCode,
        correlationId: input.caseId,
      }),
    );
  };

  /** Deadline, notice end and next follow-up of a stage entered at `enteredAt`. */
  const stageTimes = (input: { stage: StageDefinition; enteredAt: string; followUpsDone: number }): StageTimes => {
    const { stage, followUpsDone } = input;
    const enteredAt = new Date(input.enteredAt);
    const after = (days: number) => new Date(enteredAt.getTime() + days * scheduling.dayMs).toISOString();
    const followUpDay = stage.repeatEveryDays
      ? stage.repeatEveryDays * (followUpsDone + 1)
      : stage.followUpDays?.[followUpsDone];
    return {
      ...(stage.deadlineDays && { deadlineAt: after(stage.deadlineDays) }),
      ...(stage.noticeWorkingDays && {
        noticeEndsAt: noticeEndsAt(enteredAt, stage.noticeWorkingDays, scheduling.dayMs, scheduling).toISOString(),
      }),
      ...(stage.noticeDays && {
        noticeEndsAt: calendarNoticeEndsAt(enteredAt, stage.noticeDays, scheduling.dayMs).toISOString(),
      }),
      ...(followUpDay !== undefined && { nextFollowUpAt: after(followUpDay) }),
    };
  };

  return {
    appendCaseEvents,

    /**
     * One step of a case in one local activity (issue 12): each local activity is another
     * activation of the workflow, so checking, timing and appending apart cost three.
     */
    async recordCaseStep(step: CaseStep): Promise<CaseStepOutcome> {
      const { command, entering, ...append } = step;
      const refused = command && (await commands.verifyCommand(command));
      if (refused) return { refused };
      const scheduled: CaseEvent[] = [];
      if (entering) {
        const times = stageTimes({ stage: entering.stage, enteredAt: entering.enteredAt, followUpsDone: 0 });
        const scheduling = stageScheduling(times, entering.occurredAt, Date.parse(entering.acceptedAt));
        scheduled.push(stageScheduled(entering.stageId, scheduling));
      }
      await appendCaseEvents({ ...append, events: [...append.events, ...scheduled] });
      return { scheduled };
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
    scheduleStage(input: { stage: StageDefinition; enteredAt: string; followUpsDone: number }): Promise<StageTimes> {
      return Promise.resolve(stageTimes(input));
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
