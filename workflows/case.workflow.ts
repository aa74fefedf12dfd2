import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseStep, CommandCheck, CommandSignature } from '@talent/activities';
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
  type PayloadSchema,
  type PersonCommand,
  type PlanCommand,
  type StageDefinition,
  stageScheduling,
  type StageTimes,
  SYSTEM_ACTOR,
} from '@talent/domain';
import { appendOrRefuse, caseSteps, recordStep, sendPlanCommand } from './case-activities';
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
/** Answers once the case is open: the api starts a case with it (update-with-start) and waits no longer. */
export const caseOpenedUpdate = defineUpdate<CaseView>('caseOpened');

/** Steps dated by their cause or scheduled moment, and notices entered late confirmed by an officer (issue 11). */
const BUSINESS_TIME_PATCH = 'business-time-of-derived-steps';
/** Facts in order, four-eyes over the whole case, objections within their notice (issue 11). */
const CURRENT_RULES_PATCH = 'case-rules-current';

/**
 * Search attributes are written only when they change (issue 12): each write is a history event
 * and a visibility update on the server, and most steps, the open among them, change neither.
 */
const SEARCH_ATTRIBUTES_PATCH = 'search-attributes-when-changed';

/**
 * One trip per action (issue 12): the command checked, its events and its stage's times appended
 * at once, by local activities; before, each was an activity of its own.
 */
const FAST_STEPS_PATCH = 'one-trip-per-action';

/**
 * One local activity per step (issue 12): the command's check, its events and the times of the
 * stage it enters recorded by one local activity, since each local activity is one more
 * activation of the workflow; before, these were up to three.
 */
const ONE_ACTIVITY_PATCH = 'one-activity-per-step';

/**
 * One marker, at the start, for all the patches above: a case started from here on takes every
 * one of them. Each patch's own marker comes with an upsert of the TemporalChangeVersion search
 * attribute, two history events and a visibility write per patch: four patches at the open, two
 * more at the first action. A case started before asks for each patch as it did. A later patch is
 * not in this list: it is asked for on its own (or listed in a new marker of its own).
 */
const PATCHES_AT_START = 'case-patches-at-start';
const TAKEN_AT_START: ReadonlySet<string> = new Set([
  SIGNED_COMMANDS_PATCH,
  BUSINESS_TIME_PATCH,
  CURRENT_RULES_PATCH,
  FAST_STEPS_PATCH,
  ONE_ACTIVITY_PATCH,
  SEARCH_ATTRIBUTES_PATCH,
]);

const needsTimes = (stage: StageDefinition): boolean =>
  Boolean(
    stage.deadlineDays || stage.noticeWorkingDays || stage.noticeDays || stage.followUpDays || stage.repeatEveryDays,
  );

/**
 * One case, any pipeline: the definition it started with rides in its input, so a new version
 * of the definition never changes it. State comes only from the domain's decide/evolve.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const { open } = input;
  const { pipeline } = open;
  const startedWithAll = patched(PATCHES_AT_START);
  const has = (patch: string): boolean => (startedWithAll && TAKEN_AT_START.has(patch)) || patched(patch);
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
        const rules: CaseRules = has(CURRENT_RULES_PATCH) ? 'current' : 'original';
        let check: CommandCheck | undefined;
        if (has(SIGNED_COMMANDS_PATCH)) {
          if (has(ONE_ACTIVITY_PATCH)) check = guard.checkOf(command, signature, payloadSchemaOf(command));
          else await guard.requireSigned(command, signature, payloadSchemaOf(command));
        }
        await asAcceptedAt(signature, () => execute(command, rules, check));
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

  /**
   * When the api accepted the command being carried out (its signature's time): what "already
   * over" is measured against, so that the time a busy engine takes to get to it does not count.
   */
  let acceptedAt: number | undefined;
  async function asAcceptedAt<T>(signature: CommandSignature | undefined, run: () => Promise<T>): Promise<T> {
    acceptedAt = signature && has(FAST_STEPS_PATCH) ? Date.parse(signature.issuedAt) : undefined;
    try {
      return await run();
    } finally {
      acceptedAt = undefined;
    }
  }

  setHandler(caseOpenedUpdate, async () => {
    await condition(() => state !== undefined);
    return view();
  });

  /** The schema of a stage action's payload, checked with the signature; case commands the api checks. */
  function payloadSchemaOf(command: PersonCommand): PayloadSchema | undefined {
    if (command.type !== 'takeAction' || !state || !has(FAST_STEPS_PATCH)) return undefined;
    const { actions } = pipeline.stages[state.stage]!;
    return Object.hasOwn(actions, command.action) ? actions[command.action]!.payloadSchema : undefined;
  }

  /**
   * The plan answers first: a refused disbursement fails the command before anything is recorded.
   * Each effect keeps its event's index, which names its command id.
   */
  async function planEffects(effects: Array<{ command: PlanCommand; index: number }>, actor: Actor): Promise<void> {
    const { year, divisionCode } = state!.opened;
    for (const { command, index } of effects) {
      // One id per effect of this step: a retried activity is the same Update, applied once.
      const answer = await sendPlanCommand({
        divisionCode,
        year,
        command,
        actor,
        commandId: `${workflowInfo().workflowId}@${state!.version}.${index}`,
      });
      if (command.type === 'disburseFund' && !answer.ok) throw refusal(answer.code, answer.message);
    }
  }

  /**
   * Decides a command and records what it decided. `check` is a signed command's check not yet
   * run: it runs in the step that records the command, or first when the step tells the plan
   * something or records nothing, so the plan hears only of checked commands.
   */
  async function execute(command: CaseCommand, rules: CaseRules = 'current', check?: CommandCheck): Promise<void> {
    const fast = has(FAST_STEPS_PATCH);
    const single = fast && has(ONE_ACTIVITY_PATCH);
    let events: CaseEvent[];
    try {
      events = asWorkflowFailure(() => decideCase(state, command, pipeline, rules));
    } catch (error) {
      // A command nobody signed is recorded as refused for that, whatever else is wrong with it.
      if (check) await guard.requireSigned(check.command, check.signature, check.payloadSchema);
      throw error;
    }
    if (events.length === 0) {
      if (check) await guard.requireSigned(check.command, check.signature, check.payloadSchema);
      return;
    }
    if (state) {
      const effects = planEffectsOf(events, state.opened.caseId);
      if (check && effects.length > 0) {
        await guard.requireSigned(check.command, check.signature, check.payloadSchema);
        check = undefined;
      }
      await planEffects(effects, 'actor' in command ? command.actor : SYSTEM_ACTOR);
    }
    let next = fold(state, events);
    const entered = events.some((event) => event.type === 'StageEntered') && next.status !== 'closed';
    const append = {
      caseId: next.opened.caseId,
      divisionCode: next.opened.divisionCode,
      expectedVersion: state?.version ?? 0,
      events,
    };
    if (single) {
      const scheduled = await recordStep({
        ...append,
        ...(check && { command: check }),
        ...(entered && entering(next)),
      });
      if (check) guard.accept(check);
      next = fold(next, scheduled);
    } else {
      if (fast && entered) {
        const scheduled = await stageTimes(next);
        events = [...events, ...scheduled];
        next = fold(next, scheduled);
      }
      await appendOrRefuse(fast, { ...append, events });
    }
    state = next;
    keepSearchAttributesCurrent(state, has);
    if (entered) await onStageEntered(fast);
  }

  /** The stage just entered, for the step that times it as it appends; nothing when it has no times. */
  function entering(entered: CaseState): { entering: NonNullable<CaseStep['entering']> } | undefined {
    const stage = pipeline.stages[entered.stage]!;
    if (!needsTimes(stage)) return undefined;
    return {
      entering: {
        stageId: entered.stage,
        stage,
        enteredAt: entered.stageEnteredAt,
        occurredAt: dated(undefined, entered),
        acceptedAt: new Date(acceptedAt ?? Date.now()).toISOString(),
      },
    };
  }

  const fold = (from: CaseState | undefined, events: CaseEvent[]): CaseState =>
    events.reduce<CaseState | undefined>(evolve, from)!;

  /** When a step the engine takes by itself happened: see consequenceTime. */
  const dated = (scheduledAt?: string, from: CaseState = state!): string =>
    has(BUSINESS_TIME_PATCH) ? consequenceTime(from, scheduledAt) : new Date().toISOString();

  /** The StageScheduled of a stage just entered: its deadline, notice end and first follow-up. */
  async function stageTimes(entered: CaseState): Promise<CaseEvent[]> {
    const stage = pipeline.stages[entered.stage]!;
    if (!needsTimes(stage)) return [];
    const times = await caseSteps(true).scheduleStage({ stage, enteredAt: entered.stageEnteredAt, followUpsDone: 0 });
    return asWorkflowFailure(() => decideCase(entered, scheduling(times, entered), pipeline));
  }

  /** The scheduling of a stage just entered, on the paths that time it apart from its append. */
  const scheduling = (times: StageTimes, entered: CaseState): CaseCommand =>
    stageScheduling(times, dated(undefined, entered), acceptedAt ?? Date.now(), () => has(BUSINESS_TIME_PATCH));

  /** What the engine does by itself when a stage begins: time it (before issue 12), reserve its post, commit its subsidy. */
  async function onStageEntered(fast: boolean): Promise<void> {
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    if (!fast && needsTimes(stage)) {
      const times = await caseSteps(false).scheduleStage({
        stage,
        enteredAt: current.stageEnteredAt,
        followUpsDone: 0,
      });
      await execute(scheduling(times, current));
    }
    const draw = planDraw(stage, current.opened.caseId);
    if (!draw) return;
    const { year, divisionCode } = current.opened;
    const commandId = `${workflowInfo().workflowId}@${state!.version}.stage`;
    const answer = await sendPlanCommand({ divisionCode, year, command: draw.command, actor: SYSTEM_ACTOR, commandId });
    await execute(answer.ok ? draw.granted() : draw.refused(answer.message));
  }

  /** What a stage draws from the year's plan (编制储备 or the talent fund), and what each answer records. */
  function planDraw(stage: StageDefinition, caseId: string) {
    if (stage.kind === 'quota') {
      return {
        command: { type: 'reserveQuota', caseId, category: stage.quotaCategory! } satisfies PlanCommand,
        granted: (): CaseCommand => ({ type: 'recordQuotaReserved', occurredAt: dated() }),
        refused: (reason: string): CaseCommand => ({ type: 'recordQuotaRefused', reason, occurredAt: dated() }),
      };
    }
    // A payment stage, or one its subsidy runs beside (试用期 of an introduced talent, version 3).
    if (stage.subsidy !== undefined) {
      return {
        command: { type: 'commitFund', caseId, amountCny: stage.subsidy.amountCny } satisfies PlanCommand,
        granted: (): CaseCommand => ({ type: 'recordSubsidyCommitted', occurredAt: dated() }),
        refused: (reason: string): CaseCommand => ({ type: 'recordFundRefused', reason, occurredAt: dated() }),
      };
    }
    return undefined;
  }

  async function followUpDue(): Promise<void> {
    await execute({ type: 'recordFollowUpDue', occurredAt: dated(state!.nextFollowUpAt) });
    const current = state!;
    const stage = pipeline.stages[current.stage]!;
    const times = await caseSteps(has(FAST_STEPS_PATCH)).scheduleStage({
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

  let openCheck: CommandCheck | undefined;
  if (has(SIGNED_COMMANDS_PATCH)) {
    // Only continue-as-new starts a case with carried state; a client that sets it is refused.
    if (input.carried) {
      if (!workflowInfo().continuedFromExecutionRunId) await guard.requireSigned(open, undefined);
    } else if (has(ONE_ACTIVITY_PATCH)) {
      // As of the start Temporal accepted (the api's 202): a worker that reaches the case later still opens it.
      openCheck = guard.checkOf(open, input.signature, undefined, workflowInfo().startTime);
    } else await guard.requireSigned(open, input.signature);
  }
  if (!state) await section.run(() => asAcceptedAt(input.signature, () => execute(open, 'current', openCheck)));

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

/** What the year's plan is told of a step's events, each with the event's index. */
function planEffectsOf(events: readonly CaseEvent[], caseId: string): Array<{ command: PlanCommand; index: number }> {
  return events.flatMap((event, index) => {
    const command = planCommandOf(event, caseId);
    return command ? [{ command, index }] : [];
  });
}

function planCommandOf(event: CaseEvent, caseId: string): PlanCommand | undefined {
  switch (event.type) {
    case 'QuotaReleased':
      return { type: 'releaseQuota', caseId };
    case 'QuotaUsed':
      // A round's candidate uses the place the round holds, not a post of the case's own.
      return { type: 'useQuota', caseId: event.data.holder ?? caseId };
    case 'SubsidyReleased':
      return { type: 'releaseFund', caseId, amountCny: event.data.amountCny };
    case 'SubsidyClawedBack':
      return { type: 'returnFund', caseId, amountCny: event.data.amountCny };
    case 'SubsidyInstalmentPaid':
      return { type: 'disburseFund', caseId, amountCny: event.data.amountCny, instalment: event.data.instalment };
    // Named one by one, so that a new kind of event is a decision about the plan, not a default.
    case 'ActionTaken':
    case 'CaseClosed':
    case 'CaseOpened':
    case 'FollowUpDue':
    case 'NoticeCompleted':
    case 'ObjectionRaised':
    case 'ObjectionResolved':
    case 'QuotaRefused':
    case 'QuotaReserved':
    case 'StageEntered':
    case 'StageOverdue':
    case 'StageScheduled':
    case 'SubsidyCommitted':
      return undefined;
  }
}

function keepSearchAttributesCurrent(current: CaseState, has: (patch: string) => boolean): void {
  if (has(SEARCH_ATTRIBUTES_PATCH)) {
    const known = workflowInfo().typedSearchAttributes;
    const unchanged =
      known.get(caseSearchAttributes.caseStage) === current.stage &&
      known.get(caseSearchAttributes.caseStatus) === current.status;
    if (unchanged) return;
  }
  upsertSearchAttributes([
    { key: caseSearchAttributes.caseStage, value: current.stage },
    { key: caseSearchAttributes.caseStatus, value: current.status },
  ]);
}
