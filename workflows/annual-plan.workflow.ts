import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities, CommandSignature } from '@talent/activities';
import {
  type Actor,
  decidePlan,
  evolvePlan,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
  SYSTEM_ACTOR,
} from '@talent/domain';
import { asWorkflowFailure, CommandGuard, ExclusiveSection, SIGNED_COMMANDS_PATCH } from './workflow-support';

export interface AnnualPlanInput {
  open: Omit<Extract<PlanCommand, { type: 'openPlan' }>, 'type'>;
  carried?: { state: PlanState; version: number };
  /** The admin who opened the plan with its own figures; the engine when a case opened it. */
  openedBy?: Actor;
  /** Of `{ open, openedBy }`, by the api or the worker: nobody else opens a plan. */
  signature?: CommandSignature;
}

export interface PlanCommandRequest {
  command: PlanCommand;
  actor: Actor;
}

export interface PlanView {
  state: PlanState;
  version: number;
}

export const planViewQuery = defineQuery<PlanView | undefined>('planView');
export const planCommandUpdate = defineUpdate<PlanView, [PlanCommandRequest, CommandSignature?]>('planCommand');
/** Answers once the plan is open: an admin opens one with it (update-with-start) and waits no longer. */
export const planOpenedUpdate = defineUpdate<PlanView>('planOpened');

const { appendPlanEvents } = proxyActivities<CaseActivities>({
  // A database write: when a worker dies mid-append, another retries it after this long.
  startToCloseTimeout: '10 seconds',
  retry: { nonRetryableErrorTypes: ['StreamVersionConflictError', 'EventIdConflictError', 'InvalidEventError'] },
});

/**
 * One county's plan for one year (年度人才工作计划): its posts and its fund, changed only through
 * Updates whose validators refuse an overdraw before anything is written.
 */
export async function annualPlan(input: AnnualPlanInput): Promise<void> {
  const section = new ExclusiveSection();
  // A repeated plan command is the decider's to answer (a no-op): cases retry theirs.
  const guard = new CommandGuard({}, false);
  let state = input.carried?.state;
  let version = input.carried?.version ?? 0;

  async function apply(command: PlanCommand, actor: Actor): Promise<void> {
    const meta = { actor, occurredAt: new Date().toISOString() };
    const events: PlanEvent[] = asWorkflowFailure(() => decidePlan(state, command, meta));
    if (events.length === 0) return;
    const { year, divisionCode } = input.open;
    await appendPlanEvents({ divisionCode, year, expectedVersion: version, events });
    for (const event of events) state = evolvePlan(state, event);
    version += events.length;
  }

  setHandler(planViewQuery, () => state && { state, version });
  setHandler(planOpenedUpdate, async () => {
    await condition(() => state !== undefined);
    return { state: state!, version };
  });
  setHandler(
    planCommandUpdate,
    async (request, signature) => {
      await condition(() => state !== undefined);
      return section.run(async () => {
        if (patched(SIGNED_COMMANDS_PATCH)) await guard.requireSigned(request, signature);
        await apply(request.command, request.actor);
        return { state: state!, version };
      });
    },
    {
      validator: ({ command }: PlanCommandRequest, _signature?: CommandSignature) => {
        if (state) asWorkflowFailure(() => decidePlan(state, command, { actor: SYSTEM_ACTOR, occurredAt: '' }));
      },
    },
  );

  if (patched(SIGNED_COMMANDS_PATCH)) {
    const opening = { open: input.open, ...(input.openedBy && { openedBy: input.openedBy }) };
    // Only continue-as-new starts a plan with carried state; a client that sets it is refused.
    if (!input.carried) await guard.requireSigned(opening, input.signature);
    else if (!workflowInfo().continuedFromExecutionRunId) await guard.requireSigned(opening, undefined);
  }
  if (!state) await section.run(() => apply({ type: 'openPlan', ...input.open }, input.openedBy ?? SYSTEM_ACTOR));
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof annualPlan>({ open: input.open, carried: { state: state!, version } });
}
