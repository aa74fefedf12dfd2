import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DiagnosticsActivities, WorkerEcho } from '@talent/activities';

const { echoFromWorker } = proxyActivities<DiagnosticsActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

export interface RoundTripResult {
  workflowId: string;
  runId: string;
  echo: WorkerEcho;
}

/** Runs one activity and returns what the worker saw: the operators' end-to-end liveness probe. */
export async function diagnosticsRoundTrip(message: string): Promise<RoundTripResult> {
  const echo = await echoFromWorker(message);
  const { workflowId, runId } = workflowInfo();
  return { workflowId, runId, echo };
}

/**
 * Returns at once, with no activity: its start rate is the ceiling the case engine is measured
 * against (`npm run bench:engine`), since a case can open no faster than a workflow can start.
 */
export function noopWorkflow(): Promise<void> {
  return Promise.resolve();
}
