import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseActivities } from '@talent/activities';
import {
  type Actor,
  decidePlan,
  evolvePlan,
  type PlanCommand,
  type PlanEvent,
  type PlanState,
  SYSTEM_ACTOR,
} from '@talent/domain';
import { asWorkflowFailure, ExclusiveSection } from './workflow-support';

export interface AnnualPlanInput {
  open: Omit<Extract<PlanCommand, { type: 'openPlan' }>, 'type'>;
  carried?: { state: PlanState; version: number };
  /** The admin who opened the plan with its own figures; the engine when a case opened it. */
  openedBy?: Actor;
}

export interface PlanView {
  state: PlanState;
  version: number;
}

export const planViewQuery = defineQuery<PlanView | undefined>('planView');
export const planCommandUpdate = defineUpdate<PlanView, [{ command: PlanCommand; actor: Actor }]>('planCommand');

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
  setHandler(
    planCommandUpdate,
    async ({ command, actor }) => {
      await condition(() => state !== undefined);
      return section.run(async () => {
        await apply(command, actor);
        return { state: state!, version };
      });
    },
    {
      validator: ({ command }: { command: PlanCommand; actor: Actor }) => {
        if (state) asWorkflowFailure(() => decidePlan(state, command, { actor: SYSTEM_ACTOR, occurredAt: '' }));
      },
    },
  );

  if (!state) await section.run(() => apply({ type: 'openPlan', ...input.open }, input.openedBy ?? SYSTEM_ACTOR));
  await condition(() => workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await continueAsNew<typeof annualPlan>({ open: input.open, carried: { state: state!, version } });
}
