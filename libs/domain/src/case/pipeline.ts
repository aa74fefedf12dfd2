import type { CaseKind, QuotaCategory, RecruitmentChannel, WorkstationType } from '../shared/case-kinds';
import type { Role } from '../shared/roles';

/**
 * The engine's model of a pipeline definition. Definitions are data (libs/pipelines); a case
 * carries the whole definition it started with, so a later version never changes a running case.
 * Every id has a Chinese label beside it, for forms, lists and the annual report.
 */
export const STAGE_KINDS = ['task', 'approval', 'notice', 'quota', 'payment', 'follow_up'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The JSON Schema (draft 2020-12 subset) of an action's payload, used to validate it and render a form. */
export type PayloadSchema = {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: boolean;
};

export interface OutcomeTransition {
  label: string;
  /** A stage id, or the id of one of the pipeline's terminal outcomes. */
  to: string;
}

export interface ActionDefinition {
  label: string;
  roles: Role[];
  payloadSchema: PayloadSchema;
  /**
   * Where each outcome leads. The outcome is the payload's `outcome` field when the action has
   * several, or `done` when it has one.
   */
  outcomes: Record<string, OutcomeTransition>;
  /** Taken only within this many days of the stage's entry (复检须在7日内申请). */
  withinDaysOfEntry?: number;
  /** Taken only this long after the stage's entry (试用期满一年方可转正). */
  notBeforeOfEntry?: Period;
  /** Actions of the same stage that must come first (复检结果 after 复检申请). */
  requiresActions?: string[];
  /** Actions of the same stage after which it is no longer taken (a second 复检申请). */
  refusedAfterActions?: string[];
  /** Payload fields holding an office date (YYYY-MM-DD) that may not be after the action's occurredAt (批复日期). */
  pastDateFields?: string[];
  /** A `reason` must be given with it (取消录用, 提前离职). */
  reasonRequired?: boolean;
  /**
   * Pays one instalment (payload.amountCny) of the subsidy the case committed, and no sooner than
   * this after the previous one (补贴按年度考核合格逐年发放).
   */
  instalmentEvery?: Period;
  /** Claws back every instalment paid into the year's talent fund (违约退还). */
  clawsBackSubsidy?: boolean;
}

/** A length of office time; months are calendar months (a year is 12). */
export interface Period {
  days?: number;
  months?: number;
}

/** Transitions the engine takes by itself: a notice running out, a quota reserved, a subsidy paid. */
export type AutomaticTrigger = 'elapsed' | 'reserved' | 'paid';

export interface StageDefinition {
  label: string;
  kind: StageKind;
  /** Calendar days after entry when an open stage becomes overdue. */
  deadlineDays?: number;
  /** notice: its length in working days (公示期不少于5个工作日). */
  noticeWorkingDays?: number;
  /** notice: its length in calendar days instead (事业单位公开招聘公示期一般为7天), as a county may choose. */
  noticeDays?: number;
  /** quota: the plan category a post is reserved from (编制储备). */
  quotaCategory?: QuotaCategory;
  /**
   * The subsidy committed from the year's talent fund when the stage is entered; a payment stage
   * pays it in instalments itself, any other stage through actions with `instalmentEvery`.
   */
  subsidy?: { amountCny: number; instalments: number };
  /** follow_up: check-ins due this many days after entry; with `repeatEveryDays`, recurring. */
  followUpDays?: number[];
  repeatEveryDays?: number;
  actions: Record<string, ActionDefinition>;
  automatic?: Partial<Record<AutomaticTrigger, string>>;
}

export interface TerminalOutcome {
  label: string;
  /** What the statistics count: success (hired, established, settled) or failure. */
  result: 'success' | 'failure';
  /** Ends a case after the appointment (服务期内提前离职): the post counts as used although it failed. */
  postUsed?: boolean;
}

/** Outcomes every pipeline has, reachable from any open stage. */
export const UNIVERSAL_OUTCOMES = {
  withdrawn: { label: '本人放弃', result: 'failure' },
  rejected: { label: '不予通过', result: 'failure' },
} as const satisfies Record<string, TerminalOutcome>;

/** The outcome of an objection upheld during a public notice (异议成立). */
export const DISQUALIFIED_OUTCOME = 'disqualified';

export interface PipelineDefinition {
  id: string;
  version: number;
  label: string;
  kind: CaseKind;
  channel?: RecruitmentChannel;
  workstationType?: WorkstationType;
  initialStage: string;
  /**
   * Recruitment: where a candidate a round sends on (进入体检, 递补) enters; the round did 报名,
   * 资格审查, the exams and the ranking, and an introduced-talent round holds the post already.
   */
  roundEntryStage?: string;
  stages: Record<string, StageDefinition>;
  outcomes: Record<string, TerminalOutcome>;
}

export function isTerminal(pipeline: PipelineDefinition, target: string): boolean {
  return target in pipeline.outcomes;
}

/** The stages an action's outcome or an automatic step leads to from `stage`. */
function stagesAfter(pipeline: Pick<PipelineDefinition, 'stages'>, stage: StageDefinition | undefined): string[] {
  if (!stage) return [];
  const targets = [
    ...Object.values(stage.actions).flatMap((action) => Object.values(action.outcomes).map(({ to }) => to)),
    ...Object.values(stage.automatic ?? {}),
  ];
  return [...new Set(targets)].filter((target) => Object.hasOwn(pipeline.stages, target));
}

/**
 * The stages in the order a case passes through them: breadth first from the initial stage along
 * each action's outcomes and each automatic step. A detour that rejoins the way it left (体检复检,
 * back to 考察) comes before the stage it rejoins, beside the stage it branches from rather than
 * where it was added to the definition. Stages no path reaches come last, in definition order.
 */
export function stagesInOrder(pipeline: Pick<PipelineDefinition, 'initialStage' | 'stages'>): string[] {
  const order = [pipeline.initialStage];
  for (let next = 0; next < order.length; next += 1) {
    const targets = stagesAfter(pipeline, pipeline.stages[order[next]!]);
    const rejoins = (target: string) =>
      stagesAfter(pipeline, pipeline.stages[target]).some((after) => after !== target && targets.includes(after));
    const detoursFirst = [...targets.filter(rejoins), ...targets.filter((target) => !rejoins(target))];
    for (const target of detoursFirst) if (!order.includes(target)) order.push(target);
  }
  return [...order, ...Object.keys(pipeline.stages).filter((id) => !order.includes(id))];
}
