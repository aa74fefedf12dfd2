import { z } from 'zod';
import { INHERITED_NAMES, ownValue } from './own-value';
import { compilePayloadSchema } from './payload-validation';
import {
  CASE_KINDS,
  DISQUALIFIED_OUTCOME,
  type PipelineDefinition,
  QUOTA_CATEGORIES,
  RECRUITMENT_CHANNELS,
  ROLES,
  UNIVERSAL_OUTCOMES,
  WORKSTATION_TYPES,
} from '@talent/domain';

export class PipelineDefinitionError extends Error {
  constructor(
    readonly pipelineId: string,
    readonly problems: readonly string[],
  ) {
    super(`Pipeline ${pipelineId} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PipelineDefinitionError';
  }
}

const id = z
  .string()
  .regex(/^[a-zA-Z][\w.]*$/, 'must be an identifier')
  .refine((name) => !INHERITED_NAMES.has(name), 'is a name every JavaScript object already has');
const label = z.string().min(1, 'needs a Chinese label');
const days = z.number().int().positive();

const actionShape = z.object({
  label,
  roles: z.array(z.enum(ROLES)).min(1),
  payloadSchema: z.object({
    type: z.literal('object'),
    properties: z.record(z.string(), z.record(z.string(), z.unknown())),
    required: z.array(z.string()).optional(),
    additionalProperties: z.boolean().optional(),
  }),
  outcomes: z.record(id, z.object({ label, to: id })).refine((o) => Object.keys(o).length > 0, 'needs an outcome'),
  withinDaysOfEntry: days.optional(),
  notBeforeOfEntry: z.object({ days: days.optional(), months: days.optional() }).optional(),
  requiresActions: z.array(id).optional(),
  refusedAfterActions: z.array(id).optional(),
  pastDateFields: z.array(id).optional(),
  reasonRequired: z.boolean().optional(),
  instalmentEvery: z.object({ days: days.optional(), months: days.optional() }).optional(),
  clawsBackSubsidy: z.boolean().optional(),
});

const stageShape = z.object({
  label,
  kind: z.enum(['task', 'approval', 'notice', 'quota', 'payment', 'follow_up']),
  deadlineDays: days.optional(),
  noticeWorkingDays: days.optional(),
  noticeDays: days.optional(),
  quotaCategory: z.enum(QUOTA_CATEGORIES).optional(),
  subsidy: z.object({ amountCny: days, instalments: days }).optional(),
  followUpDays: z.array(days).min(1).optional(),
  repeatEveryDays: days.optional(),
  actions: z.record(id, actionShape),
  automatic: z.object({ elapsed: id.optional(), reserved: id.optional(), paid: id.optional() }).optional(),
});

const pipelineShape = z.object({
  id: z.string().regex(/^[a-z][\w.]*$/),
  version: z.number().int().positive(),
  label,
  kind: z.enum(CASE_KINDS),
  channel: z.enum(RECRUITMENT_CHANNELS).optional(),
  workstationType: z.enum(WORKSTATION_TYPES).optional(),
  initialStage: id,
  roundEntryStage: id.optional(),
  stages: z.record(id, stageShape),
  outcomes: z.record(id, z.object({ label, result: z.enum(['success', 'failure']), postUsed: z.boolean().optional() })),
});

/** What each stage kind needs to run: a notice its length, a quota stage its category, … */
function stageKindProblems(definition: PipelineDefinition): string[] {
  const problems: string[] = [];
  for (const [stageId, stage] of Object.entries(definition.stages)) {
    const at = `stages.${stageId}`;
    const need = (ok: boolean, what: string) => ok || problems.push(`${at}: a ${stage.kind} stage needs ${what}`);
    switch (stage.kind) {
      case 'notice':
        if (stage.noticeDays === undefined) {
          need((stage.noticeWorkingDays ?? 0) >= 5, 'noticeWorkingDays of at least 5 (公示期不少于5个工作日)');
        } else {
          need(stage.noticeWorkingDays === undefined, 'either noticeWorkingDays or noticeDays, not both');
          need(stage.noticeDays >= 7, 'noticeDays of at least 7 (公示期7天)');
        }
        need(Boolean(stage.automatic?.elapsed), 'automatic.elapsed');
        need(Object.hasOwn(definition.outcomes, DISQUALIFIED_OUTCOME), `the outcome '${DISQUALIFIED_OUTCOME}'`);
        break;
      case 'quota':
        need(Boolean(stage.quotaCategory), 'a quotaCategory');
        need(Boolean(stage.automatic?.reserved), 'automatic.reserved');
        break;
      case 'payment':
        need(Boolean(stage.subsidy), 'a subsidy');
        need(Boolean(stage.automatic?.paid), 'automatic.paid');
        need(Object.keys(stage.actions).length > 0, 'an action that pays an instalment');
        break;
      case 'follow_up':
        need(Boolean(stage.followUpDays || stage.repeatEveryDays), 'followUpDays or repeatEveryDays');
        break;
      case 'approval':
        need(
          Object.values(stage.actions).every((action) => action.roles.every((role) => role === 'approver')),
          'actions taken by approvers only',
        );
        break;
      case 'task':
        need(Object.keys(stage.actions).length > 0, 'at least one action');
        break;
    }
  }
  return problems;
}

function transitionProblems(definition: PipelineDefinition): string[] {
  const problems: string[] = [];
  const isStage = (target: string) => Object.hasOwn(definition.stages, target);
  const exists = (target: string) => isStage(target) || Object.hasOwn(definition.outcomes, target);
  if (!isStage(definition.initialStage)) problems.push(`initialStage '${definition.initialStage}' is not a stage`);
  const { roundEntryStage } = definition;
  if (roundEntryStage !== undefined && !isStage(roundEntryStage)) {
    problems.push(`roundEntryStage '${roundEntryStage}' is not a stage`);
  }
  if (roundEntryStage !== undefined && definition.kind !== 'recruitment') {
    problems.push(`roundEntryStage: only a recruitment pipeline takes candidates from a round`);
  }
  for (const outcome of Object.keys(UNIVERSAL_OUTCOMES)) {
    if (!Object.hasOwn(definition.outcomes, outcome))
      problems.push(`outcomes: '${outcome}' is required (every case can end so)`);
  }
  const roots = [definition.initialStage, ...(roundEntryStage !== undefined ? [roundEntryStage] : [])];
  const reached = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    const stageId = queue.shift()!;
    const stage = ownValue(definition.stages, stageId);
    if (!stage) continue;
    const targets = [
      ...Object.entries(stage.actions).flatMap(([actionId, action]) =>
        Object.entries(action.outcomes).map(([outcome, { to }]) => ({
          at: `stages.${stageId}.actions.${actionId}.outcomes.${outcome}`,
          to,
        })),
      ),
      ...Object.entries(stage.automatic ?? {}).map(([trigger, to]) => ({
        at: `stages.${stageId}.automatic.${trigger}`,
        to,
      })),
    ];
    for (const { at, to } of targets) {
      if (!exists(to)) problems.push(`${at}: '${to}' is neither a stage nor an outcome`);
      if (isStage(to) && !reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  for (const stageId of Object.keys(definition.stages)) {
    if (!reached.has(stageId)) problems.push(`stages.${stageId}: unreachable from the initial stage`);
  }
  return problems;
}

function payloadProblems(definition: PipelineDefinition): string[] {
  const problems: string[] = [];
  for (const [stageId, stage] of Object.entries(definition.stages)) {
    for (const [actionId, action] of Object.entries(stage.actions)) {
      const at = `stages.${stageId}.actions.${actionId}`;
      try {
        compilePayloadSchema(action.payloadSchema);
      } catch (error) {
        problems.push(`${at}.payloadSchema: ${(error as Error).message}`);
      }
      for (const other of [...(action.requiresActions ?? []), ...(action.refusedAfterActions ?? [])]) {
        if (!Object.hasOwn(stage.actions, other)) problems.push(`${at}: '${other}' is not an action of this stage`);
      }
      const paysOrClaws = action.instalmentEvery !== undefined || action.clawsBackSubsidy === true;
      if (paysOrClaws && !Object.values(definition.stages).some((other) => other.subsidy !== undefined)) {
        problems.push(`${at}: pays or claws back a subsidy, but no stage commits one`);
      }
      if (action.instalmentEvery !== undefined && !ownValue(action.payloadSchema.properties, 'amountCny')) {
        problems.push(`${at}: pays an instalment, so its payload needs 'amountCny'`);
      }
      for (const field of action.pastDateFields ?? []) {
        if (ownValue(action.payloadSchema.properties, field)?.format !== 'date') {
          problems.push(`${at}.pastDateFields: '${field}' is not a payload property of format date`);
        }
      }
      const outcomes = Object.keys(action.outcomes);
      const declared = action.payloadSchema.properties.outcome?.enum as string[] | undefined;
      if (outcomes.length > 1 && JSON.stringify(declared?.slice().sort()) !== JSON.stringify(outcomes.slice().sort())) {
        problems.push(`${at}: payload property 'outcome' must enumerate exactly the outcomes ${outcomes.join(', ')}`);
      }
    }
  }
  return problems;
}

/** Checks a definition at load, naming every problem; returns it unchanged when sound. */
export function validatePipeline(candidate: unknown): PipelineDefinition {
  const parsed = pipelineShape.safeParse(candidate);
  const pipelineId = (candidate as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    throw new PipelineDefinitionError(
      typeof pipelineId === 'string' ? pipelineId : '(no id)',
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const definition = candidate as PipelineDefinition;
  const problems = [
    ...transitionProblems(definition),
    ...stageKindProblems(definition),
    ...payloadProblems(definition),
  ];
  if (problems.length > 0) throw new PipelineDefinitionError(definition.id, problems);
  return definition;
}
