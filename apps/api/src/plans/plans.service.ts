import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import {
  Client,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import {
  type Actor,
  DomainError,
  fundAvailable,
  type PlanState,
  quotaAvailable,
  QUOTA_CATEGORIES,
  toPlanWorkflowId,
} from '@talent/domain';
import { signCommand } from '@talent/activities';
import { APP_CONFIG, type AppConfig, requireCommandSigningKey } from '@talent/platform';
import { annualPlan, planOpenedUpdate, planViewQuery } from '@talent/workflows/annual-plan.workflow';
import type { OpenPlanDto } from './open-plan.dto';

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

/** The year's plan as officers read it: posts and fund, with what is left. */
export function presentPlan(state: PlanState) {
  return {
    year: state.year,
    divisionCode: state.divisionCode,
    quotas: Object.fromEntries(
      QUOTA_CATEGORIES.map((category) => {
        const ledger = state.quotas[category];
        const holders = Object.values(ledger.holders);
        return [
          category,
          {
            total: ledger.total,
            reserved: holders.filter((holding) => holding === 'reserved').length,
            used: holders.filter((holding) => holding === 'used').length,
            available: quotaAvailable(ledger),
          },
        ];
      }),
    ),
    fund: {
      totalCny: state.fund.totalCny,
      committedCny: sum(state.fund.committed),
      disbursedCny: sum(state.fund.disbursed),
      returnedCny: sum(state.fund.returned ?? {}),
      availableCny: fundAvailable(state),
    },
  };
}

@Injectable()
export class PlansService {
  private readonly commandKey: Buffer;

  constructor(
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.commandKey = requireCommandSigningKey(config);
  }

  async get(year: number) {
    try {
      const view = await this.temporal.workflow
        .getHandle(toPlanWorkflowId(this.config.DIVISION_CODE, year))
        .query(planViewQuery);
      if (view) return presentPlan(view.state);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    throw new NotFoundException(
      `No plan for ${year} yet; it opens with the first case that draws on it, or by POST /plans/${year}`,
    );
  }

  /** Opens a year's plan with its own figures (admin); refused if the year already has one. */
  async open(year: number, dto: OpenPlanDto, actor: Actor) {
    const divisionCode = this.config.DIVISION_CODE;
    const workflowId = toPlanWorkflowId(divisionCode, year);
    const opening = { open: { year, divisionCode, quotas: dto.quotas, fundCny: dto.fundCny }, openedBy: actor };
    try {
      const view = await this.temporal.workflow.executeUpdateWithStart(planOpenedUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(annualPlan, {
          workflowId,
          taskQueue: this.config.TEMPORAL_TASK_QUEUE,
          workflowIdConflictPolicy: 'FAIL',
          args: [{ ...opening, signature: signCommand(this.commandKey, workflowId, opening) }],
        }),
      });
      return presentPlan(view.state);
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError('PLAN_ALREADY_EXISTS', `The plan for ${year} already exists; its figures are kept.`);
      }
      throw error;
    }
  }
}
