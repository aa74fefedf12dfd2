import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, PlanActivities } from '@talent/activities';
import {
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  decideCase,
  evolve,
  type OpenCase,
  type PersonCommand,
  type PlanCommand,
  SYSTEM_ACTOR,
} from '@talent/domain';
import { asWorkflowFailure, ExclusiveSection, refusal } from './workflow-support';
import { caseSearchAttributes } from './search-attributes';

export interface CaseWorkflowInput {
  open: OpenCase;
  /** State carried over by continue-as-new. */
  carried?: { state: CaseState };
}

export interface CaseView {
  state: CaseState;
  pipelineId: string;
  pipelineVersion: number;
}

export const caseViewQuery = defineQuery<CaseView | undefined>('caseView');
/** Everything a person does to a case; the validator refuses what the rules forbid before anything is written. */
export const caseCommandUpdate = defineUpdate<CaseView, [PersonCommand]>('caseCommand');

const { appendCaseEvents, scheduleStage } = proxyActivities<CaseActivities>({
  // A database write: when a worker dies mid-append, another retries it after this long.
  startToCloseTimeout: '10 seconds',
  retry: { nonRetryableErrorTypes: ['StreamVersionConflictError', 'EventIdConflictError', 'InvalidEventError'] },
});
const { sendPlanCommand } = proxyActivities<PlanActivities>({ startToCloseTimeout: '1 minute' });

const now = () => new Date().toISOString();

/**
 * One case, any pipeline: the definition it started with rides in its input, so a new version
 * of the definition never changes it. State comes only from the domain's decide/evolve.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const { open } = input;
  const { pipeline } = open;
  const section = new ExclusiveSection();
  let state: CaseState | undefined = input.carried?.state;
  const view = (): CaseView => ({ state: state!, pipelineId: pipeline.id, pipelineVersion: pipeline.version });

  setHandler(caseViewQuery, () => state && view());
  setHandler(
    caseCommandUpdate,
    async (command) => {
      await condition(() => state !== undefined);
      return section.run(async () => {
        await execute(command);
        return view();
      });
    },
    {
      validator: (command: PersonCommand) => {
        // Before the case is open its commands wait in the handler, which decides again.
        if (state) asWorkflowFailure(() => decideCase(state, command, pipeline));
      },
    },
  );

  /** The plan answers first: a refused disbursement fails the command before anything is recorded. */
  async function planEffects(events: CaseEvent[], actor: Actor): Promise<void> {
    const { caseId, year, divisionCode } = state!.opened;
    const send = (command: PlanCommand) => sendPlanCommand({ divisionCode, year, command, actor });
    for (const event of events) {
      if (event.type === 'QuotaReleased') await send({ type: 'releaseQuota', caseId });
      if (event.type === 'QuotaUsed') await send({ type: 'useQuota', caseId });
      if (event.type === 'SubsidyReleased')
        await send({ type: 'releaseFund', caseId, amountCny: event.data.amountCny });
      if (event.type === 'SubsidyInstalmentPaid') {
        const answer = await send({ type: 'disburseFund', caseId, amountCny: event.data.amountCny });
        if (!answer.ok) throw refusal(answer.code, answer.message);
      }
    }
  }

  async function execute(command: CaseCommand): Promise<void> {
    const events = asWorkflowFailure(() => decideCase(state, command, pipeline));
    if (events.length === 0) return;
    if (state) await planEffects(events, 'actor' in command ? command.actor : SYSTEM_ACTOR);
    const opened = state?.opened ?? (events[0] as Extract<CaseEvent, { type: 'CaseOpened' }>).data;
    await appendCaseEvents({
      caseId: opened.caseId,
      divisionCode: opened.divisionCode,
      expectedVersion: state?.version ?? 0,
      events,
    });
    for (const event of events) state = evolve(state, event);
    keepSearchAttributesCurrent(state!);
    if (events.some((event) => event.type === 'StageEntered') && state!.status !== 'closed') await onStageEntered();
  }

  /** What the engine does by itself when a stage begins: time it, reserve its post, commit its subsidy. */
  async function onStageEntered(): Promise<void> {
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    if (stage.deadlineDays || stage.noticeWorkingDays || stage.followUpDays || stage.repeatEveryDays) {
      const times = await scheduleStage({ stage, enteredAt: current.stageEnteredAt, followUpsDone: 0 });
      await execute({ type: 'scheduleStage', occurredAt: now(), ...times });
    }
    const { caseId, year, divisionCode } = current.opened;
    if (stage.kind === 'quota') {
      const command: PlanCommand = { type: 'reserveQuota', caseId, category: stage.quotaCategory! };
      const answer = await sendPlanCommand({ divisionCode, year, command, actor: SYSTEM_ACTOR });
      await execute(
        answer.ok
          ? { type: 'recordQuotaReserved', occurredAt: now() }
          : { type: 'recordQuotaRefused', reason: answer.message, occurredAt: now() },
      );
    }
    if (stage.kind === 'payment') {
      const command: PlanCommand = { type: 'commitFund', caseId, amountCny: stage.subsidy!.amountCny };
      const answer = await sendPlanCommand({ divisionCode, year, command, actor: SYSTEM_ACTOR });
      await execute(
        answer.ok
          ? { type: 'recordSubsidyCommitted', occurredAt: now() }
          : { type: 'recordFundRefused', reason: answer.message, occurredAt: now() },
      );
    }
  }

  async function followUpDue(): Promise<void> {
    await execute({ type: 'recordFollowUpDue', occurredAt: now() });
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    const times = await scheduleStage({
      stage,
      enteredAt: current.stageEnteredAt,
      followUpsDone: current.followUpsDue,
    });
    await execute({ type: 'scheduleStage', occurredAt: now(), nextFollowUpAt: times.nextFollowUpAt });
  }

  /** The earliest timer the case is waiting for, if any. */
  function nextDue(current: CaseState): { at: number; run: () => Promise<void> } | undefined {
    const stage = pipeline.stages[current.stage]!;
    const candidates: Array<{ at: number; run: () => Promise<void> }> = [];
    if (current.deadlineAt && !current.overdue) {
      candidates.push({
        at: Date.parse(current.deadlineAt),
        run: () => execute({ type: 'markOverdue', occurredAt: now() }),
      });
    }
    if (stage.kind === 'notice' && current.noticeEndsAt && !current.noticeCompleted && current.status === 'open') {
      candidates.push({
        at: Date.parse(current.noticeEndsAt),
        run: () => execute({ type: 'completeNotice', occurredAt: now() }),
      });
    }
    if (current.nextFollowUpAt) candidates.push({ at: Date.parse(current.nextFollowUpAt), run: followUpDue });
    return candidates.sort((a, b) => a.at - b.at)[0];
  }

  if (!state) await section.run(() => execute(open));

  while (state!.status !== 'closed') {
    const due = nextDue(state!);
    const version = state!.version;
    const changed = due
      ? await condition(() => state!.version !== version, Math.max(1, due.at - Date.now()))
      : (await condition(() => state!.version !== version), true);
    if (!changed && due) await section.run(() => (state!.version === version ? due.run() : Promise.resolve()));
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof caseWorkflow>({ open, carried: { state: state! } });
    }
  }
  await condition(allHandlersFinished);
  return view();
}

function keepSearchAttributesCurrent(current: CaseState): void {
  upsertSearchAttributes([
    { key: caseSearchAttributes.caseStage, value: current.stage },
    { key: caseSearchAttributes.caseStatus, value: current.status },
  ]);
}
