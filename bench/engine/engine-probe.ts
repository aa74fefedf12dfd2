import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';

const SETTLE_TIMEOUT_MS = 300_000;

/** What the engine holds right now, from Temporal's visibility store and the case list's table. */
export class EngineProbe {
  constructor(
    private readonly client: Client,
    readonly pool: Pool,
  ) {}

  /** Running case workflows, counting those whose open the api answered too late (a 500 after 15 s). */
  async openCases(): Promise<number> {
    return (await this.client.workflow.count('WorkflowType = "caseWorkflow" AND ExecutionStatus = "Running"')).count;
  }

  /**
   * Waits until no no-op workflow runs and every case Temporal started is in the case list, and at
   * least `answered` cases: work one measure leaves behind would otherwise slow the next. A case
   * accepted (202) is recorded after its answer, and may not be counted by Temporal's visibility
   * store yet; the number of opens the api answered does not lag.
   */
  async settle(answered = 0): Promise<void> {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (!(await this.idle(answered))) {
      if (Date.now() > deadline) throw new Error(`the engine was still busy after ${SETTLE_TIMEOUT_MS / 1000} s`);
      await sleep(200);
    }
  }

  private async idle(answered: number): Promise<boolean> {
    const running = await this.client.workflow.count('WorkflowType = "noopWorkflow" AND ExecutionStatus = "Running"');
    if (running.count > 0) return false;
    const started = await this.client.workflow.count('WorkflowType = "caseWorkflow"');
    const { rows } = await this.pool.query<{ listed: number }>('SELECT count(*)::int AS listed FROM case_list');
    return rows[0]!.listed >= Math.max(started.count, answered);
  }
}
