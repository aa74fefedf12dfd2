import { caseStateOf } from '@talent/activities';
import { toCaseStreamId } from '@talent/domain';
import type { PostgresEventStore } from '@talent/event-store';
import type { CaseView } from '@talent/workflows/case.workflow';

/**
 * A case's view folded from its events: the same evolve the workflow uses. The business log
 * outlives Temporal's memory of closed cases, and knows cases of every id form.
 */
export async function storedCaseView(store: PostgresEventStore, caseId: string): Promise<CaseView | undefined> {
  const state = caseStateOf(await store.readStream(toCaseStreamId(caseId)));
  if (!state) return undefined;
  return { state, pipelineId: state.opened.pipelineId, pipelineVersion: state.opened.pipelineVersion };
}
