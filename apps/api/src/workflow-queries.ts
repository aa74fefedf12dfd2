import type { WorkflowHandle } from '@temporalio/client';

/**
 * Queries a workflow until it answers with a value: a freshly started case or plan has none
 * until its first activity has written its opening events.
 */
export async function queryUntilAnswered<T>(
  handle: WorkflowHandle,
  query: string,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await handle.query<T | undefined>(query);
    if (answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`${what} did not open within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
