import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, CommandSignature, PlanActivities } from '@talent/activities';
import {
  type Actor,
  type CaseCommand,
  type CaseEvent,
  type CaseRules,
  type CaseState,
  consequenceTime,
  decideCase,
  evolve,
  type OpenCase,
  type PersonCommand,
  type PlanCommand,
  SYSTEM_ACTOR,
} from '@talent/domain';
import { asWorkflowFailure, CommandGuard, ExclusiveSection, refusal, SIGNED_COMMANDS_PATCH } from './workflow-support';
import { caseSearchAttributes } from './search-attributes';

export interface CaseWorkflowInput {
  open: OpenCase;
  /** The api's signature of `open`: a case nobody signed is never opened. */
  signature?: CommandSignature;
  /** State carried over by continue-as-new. */
  carried?: { state: CaseState; usedCommands?: Record<string, number> };
}

export interface CaseView {
  state: CaseState;
  pipelineId: string;
  pipelineVersion: number;
}

export const caseViewQuery = defineQuery<CaseView | undefined>('caseView');
/**
 * Everything a person does to a case, signed by the api; the validator refuses what the rules
 * forbid before anything is written.
 */
export const caseCommandUpdate = defineUpdate<CaseView, [PersonCommand, CommandSignature?]>('caseCommand');

/** Steps dated by their cause or scheduled moment, and notices entered late confirmed by an officer (issue 11). */
const BUSINESS_TIME_PATCH = 'business-time-of-derived-steps';
/** Facts in order, four-eyes over the whole case, objections within their notice (issue 11). */
const CURRENT_RULES_PATCH = 'case-rules-current';

const { appendCaseEvents, scheduleStage } = proxyActivities<CaseActivities>({
  // A database write: when a worker dies mid-append, another retries it after this long.
  startToCloseTimeout: '10 seconds',
  retry: { nonRetryableErrorTypes: ['StreamVersionConflictError', 'EventIdConflictError', 'InvalidEventError'] },
});
const { sendPlanCommand } = proxyActivities<PlanActivities>({ startToCloseTimeout: '1 minute' });

/** Events the store refuses for good (ill-formed text) refuse the command, instead of failing the case. */
async function append(input: Parameters<typeof appendCaseEvents>[0]): Promise<void> {
  try {
    await appendCaseEvents(input);
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === 'InvalidEventError') {
      throw refusal('UNSTORABLE_INPUT', `The command could not be stored: ${cause.message}`);
    }
    throw error;
  }
}

/**
 * One case, any pipeline: the definition it started with rides in its input, so a new version
 * of the definition never changes it. State comes only from the domain's decide/evolve.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const { open } = input;
  const { pipeline } = open;
  const section = new ExclusiveSection();
  const guard = new CommandGuard(input.carried?.usedCommands);
  let state: CaseState | undefined = input.carried?.state;
  const view = (): CaseView => ({ state: state!, pipelineId: pipeline.id, pipelineVersion: pipeline.version });

  setHandler(caseViewQuery, () => state && view());
  setHandler(
    caseCommandUpdate,
    async (command, signature) => {
      await condition(() => state !== undefined);
      return section.run(async () => {
        // Commands accepted before this patch replay under the rules that accepted them.
        const rules: CaseRules = patched(CURRENT_RULES_PATCH) ? 'current' : 'original';
        if (patched(SIGNED_COMMANDS_PATCH)) await guard.requireSigned(command, signature);
        await execute(command, rules);
        return view();
      });
    },
    {
      validator: (command: PersonCommand, _signature?: CommandSignature) => {
        // Before the case is open its commands wait in the handler, which decides again.
        if (state) asWorkflowFailure(() => decideCase(state, command, pipeline));
      },
    },
  );

  /** The plan answers first: a refused disbursement fails the command before anything is recorded. */
  async function planEffects(events: CaseEvent[], actor: Actor): Promise<void> {
    const { caseId, year, divisionCode } = state!.opened;
    // One id per effect of this step: a retried activity is the same Update, applied once.
    const send = (command: PlanCommand, index: number) =>
      sendPlanCommand({
        divisionCode,
        year,
        command,
        actor,
        commandId: `${workflowInfo().workflowId}@${state!.version}.${index}`,
      });
    for (const [index, event] of events.entries()) {
      if (event.type === 'QuotaReleased') await send({ type: 'releaseQuota', caseId }, index);
      if (event.type === 'QuotaUsed') await send({ type: 'useQuota', caseId }, index);
      if (event.type === 'SubsidyReleased')
        await send({ type: 'releaseFund', caseId, amountCny: event.data.amountCny }, index);
      if (event.type === 'SubsidyInstalmentPaid') {
        const { amountCny, instalment } = event.data;
        const answer = await send({ type: 'disburseFund', caseId, amountCny, instalment }, index);
        if (!answer.ok) throw refusal(answer.code, answer.message);
      }
    }
  }

  async function execute(command: CaseCommand, rules: CaseRules = 'current'): Promise<void> {
    const events = asWorkflowFailure(() => decideCase(state, command, pipeline, rules));
    if (events.length === 0) return;
    if (state) await planEffects(events, 'actor' in command ? command.actor : SYSTEM_ACTOR);
    const opened = state?.opened ?? (events[0] as Extract<CaseEvent, { type: 'CaseOpened' }>).data;
    await append({
      caseId: opened.caseId,
      divisionCode: opened.divisionCode,
      expectedVersion: state?.version ?? 0,
      events,
    });
    for (const event of events) state = evolve(state, event);
    keepSearchAttributesCurrent(state!);
    if (events.some((event) => event.type === 'StageEntered') && state!.status !== 'closed') await onStageEntered();
  }

  /** When a step the engine takes by itself happened: see consequenceTime. */
  const dated = (scheduledAt?: string): string =>
    patched(BUSINESS_TIME_PATCH) ? consequenceTime(state!, scheduledAt) : new Date().toISOString();

  /** What the engine does by itself when a stage begins: time it, reserve its post, commit its subsidy. */
  async function onStageEntered(): Promise<void> {
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    if (stage.deadlineDays || stage.noticeWorkingDays || stage.followUpDays || stage.repeatEveryDays) {
      const times = await scheduleStage({ stage, enteredAt: current.stageEnteredAt, followUpsDone: 0 });
      // A notice entered after its end (catch-up entry) waits for the officer's 公示期满 confirmation,
      // so an objection raised during it can still be recorded.
      const overAlready =
        times.noticeEndsAt !== undefined &&
        Date.parse(times.noticeEndsAt) <= Date.now() &&
        patched(BUSINESS_TIME_PATCH);
      await execute({
        type: 'scheduleStage',
        occurredAt: dated(),
        ...times,
        ...(overAlready && { noticeEndConfirmedByOfficer: true }),
      });
    }
    const { caseId, year, divisionCode } = current.opened;
    const commandId = `${workflowInfo().workflowId}@${state!.version}.stage`;
    if (stage.kind === 'quota') {
      const command: PlanCommand = { type: 'reserveQuota', caseId, category: stage.quotaCategory! };
      const answer = await sendPlanCommand({ divisionCode, year, command, actor: SYSTEM_ACTOR, commandId });
      await execute(
        answer.ok
          ? { type: 'recordQuotaReserved', occurredAt: dated() }
          : { type: 'recordQuotaRefused', reason: answer.message, occurredAt: dated() },
      );
    }
    if (stage.kind === 'payment') {
      const command: PlanCommand = { type: 'commitFund', caseId, amountCny: stage.subsidy!.amountCny };
      const answer = await sendPlanCommand({ divisionCode, year, command, actor: SYSTEM_ACTOR, commandId });
      await execute(
        answer.ok
          ? { type: 'recordSubsidyCommitted', occurredAt: dated() }
          : { type: 'recordFundRefused', reason: answer.message, occurredAt: dated() },
      );
    }
  }

  async function followUpDue(): Promise<void> {
    await execute({ type: 'recordFollowUpDue', occurredAt: dated(state!.nextFollowUpAt) });
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    const times = await scheduleStage({
      stage,
      enteredAt: current.stageEnteredAt,
      followUpsDone: current.followUpsDue,
    });
    await execute({ type: 'scheduleStage', occurredAt: dated(), nextFollowUpAt: times.nextFollowUpAt });
  }

  /** The earliest timer the case is waiting for, if any. */
  function nextDue(current: CaseState): { at: number; run: () => Promise<void> } | undefined {
    const stage = pipeline.stages[current.stage]!;
    const candidates: Array<{ at: number; run: () => Promise<void> }> = [];
    if (current.deadlineAt && !current.overdue) {
      candidates.push({
        at: Date.parse(current.deadlineAt),
        run: () => execute({ type: 'markOverdue', occurredAt: dated(current.deadlineAt) }),
      });
    }
    const noticeRuns = stage.kind === 'notice' && !current.noticeCompleted && current.status === 'open';
    if (noticeRuns && current.noticeEndsAt && !current.noticeEndConfirmedByOfficer) {
      candidates.push({
        at: Date.parse(current.noticeEndsAt),
        run: () => execute({ type: 'completeNotice', occurredAt: dated(current.noticeEndsAt) }),
      });
    }
    if (current.nextFollowUpAt) candidates.push({ at: Date.parse(current.nextFollowUpAt), run: followUpDue });
    return candidates.sort((a, b) => a.at - b.at)[0];
  }

  if (patched(SIGNED_COMMANDS_PATCH)) {
    // Only continue-as-new starts a case with carried state; a client that sets it is refused.
    if (!input.carried) await guard.requireSigned(open, input.signature);
    else if (!workflowInfo().continuedFromExecutionRunId) await guard.requireSigned(open, undefined);
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
      await continueAsNew<typeof caseWorkflow>({
        open,
        carried: { state: state!, usedCommands: guard.stillFresh() },
      });
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
