import {
  ActivityFailure,
  type ActivityOptions,
  ApplicationFailure,
  proxyActivities,
  proxyLocalActivities,
} from '@temporalio/workflow';
import type { CaseActivities, CaseStep, PlanActivities } from '@talent/activities';
import type { CaseEvent } from '@talent/domain';
import { commandRefusal, refusal } from './workflow-support';

const databaseWrite: ActivityOptions = {
  // When a worker dies mid-append, another retries it after this long.
  startToCloseTimeout: '10 seconds',
  retry: { nonRetryableErrorTypes: ['StreamVersionConflictError', 'EventIdConflictError', 'InvalidEventError'] },
};

/** The first cases' steps: each append and each stage timing a round trip through the server. */
const remote = proxyActivities<CaseActivities>(databaseWrite);
/**
 * Short database writes and the calendar run in the worker that holds the case, within the same
 * workflow task: no round trip through the server. Their results are recorded as markers, so a
 * replay reads them instead of writing again, and event ids derived from the stream version keep
 * a retried write from writing twice.
 */
const local = proxyLocalActivities<CaseActivities>(databaseWrite);

export const caseSteps = (fast: boolean): CaseActivities => (fast ? local : remote);

/** A plan is another workflow: reaching it is an Update, sent by a regular activity. */
export const { sendPlanCommand } = proxyActivities<PlanActivities>({ startToCloseTimeout: '1 minute' });

/** Events the store refuses for good (ill-formed text) refuse the command, instead of failing the case. */
function refusalIfUnstorable(error: unknown): unknown {
  // A local activity's failure may arrive bare, a regular one's wrapped in an ActivityFailure.
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type === 'InvalidEventError') {
    return refusal('UNSTORABLE_INPUT', `The command could not be stored: ${cause.message}`);
  }
  return error;
}

export async function appendOrRefuse(
  fast: boolean,
  input: Parameters<CaseActivities['appendCaseEvents']>[0],
): Promise<void> {
  try {
    await caseSteps(fast).appendCaseEvents(input);
  } catch (error) {
    throw refusalIfUnstorable(error);
  }
}

/** A step recorded by one local activity; answers the StageScheduled it appended after the step's events. */
export async function recordStep(step: CaseStep): Promise<CaseEvent[]> {
  let outcome: Awaited<ReturnType<CaseActivities['recordCaseStep']>>;
  try {
    outcome = await local.recordCaseStep(step);
  } catch (error) {
    throw refusalIfUnstorable(error);
  }
  if ('refused' in outcome) throw commandRefusal(outcome.refused);
  return outcome.scheduled;
}
