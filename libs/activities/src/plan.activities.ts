import { type Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  type Actor,
  type DomainErrorCode,
  isDomainErrorCode,
  type PlanCommand,
  toPlanWorkflowId,
} from '@talent/domain';
import { annualPlan, planCommandUpdate } from '@talent/workflows/annual-plan.workflow';
import { signCommand } from './command-signature';

export interface PlanDefaults {
  taskQueue: string;
  quotas: { high_level_talent: number; shortage_talent: number };
  fundCny: number;
}

export type PlanAnswer = { ok: true } | { ok: false; code: DomainErrorCode; message: string };

/**
 * Cases reach their year's plan through this activity: an Update to the plan's entity workflow,
 * started with the configured defaults if it does not exist yet (update-with-start). A refusal
 * (an overdraw) is an answer, not a failure, so the case can decide what follows. The Update's id
 * is the case's `commandId`: a retried activity sends the same Update, which the plan applies once.
 */
export function createPlanActivities(client: Client, defaults: PlanDefaults, signingKey: Buffer) {
  return {
    async sendPlanCommand(input: {
      divisionCode: string;
      year: number;
      command: PlanCommand;
      actor: Actor;
      commandId: string;
    }): Promise<PlanAnswer> {
      const { divisionCode, year, commandId } = input;
      const workflowId = toPlanWorkflowId(divisionCode, year);
      const update = { command: input.command, actor: input.actor };
      const start = { open: { year, divisionCode, quotas: defaults.quotas, fundCny: defaults.fundCny } };
      try {
        await client.workflow.executeUpdateWithStart(planCommandUpdate, {
          updateId: commandId,
          args: [update, signCommand(signingKey, workflowId, update, new Date(), commandId)],
          startWorkflowOperation: new WithStartWorkflowOperation(annualPlan, {
            workflowId,
            taskQueue: defaults.taskQueue,
            workflowIdConflictPolicy: 'USE_EXISTING',
            args: [{ ...start, signature: signCommand(signingKey, workflowId, start) }],
          }),
        });
        return { ok: true };
      } catch (error) {
        const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
        if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type)) {
          return { ok: false, code: cause.type, message: cause.message };
        }
        throw error;
      }
    },
  };
}

export type PlanActivities = ReturnType<typeof createPlanActivities>;
