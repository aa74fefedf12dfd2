import { DomainError } from '../shared/domain-error';
import type { Actor } from '../shared/roles';
import type { CaseState } from './case-state';
import { allowedAction } from './decide-case';
import type { PayloadSchema, PipelineDefinition } from './pipeline';

export interface AvailableAction {
  action: string;
  label: string;
  payloadSchema: PayloadSchema;
  /** Whether `reason` must be given with it. */
  reasonRequired: boolean;
}

const noPayload: PayloadSchema = { type: 'object', properties: {}, additionalProperties: false };

/** The commands every case has beside its stage's actions, as a form can render them. */
export const CASE_COMMAND_ACTIONS = {
  withdraw: { label: '本人放弃', payloadSchema: noPayload, reasonRequired: true },
  reject: { label: '不予通过', payloadSchema: noPayload, reasonRequired: true },
  raiseObjection: {
    label: '登记公示异议',
    payloadSchema: {
      type: 'object',
      properties: { grounds: { type: 'string', minLength: 1, maxLength: 2000, title: '异议内容' } },
      required: ['grounds'],
      additionalProperties: false,
    },
    reasonRequired: false,
  },
  resolveObjection: {
    label: '处理公示异议',
    payloadSchema: {
      type: 'object',
      properties: { upheld: { type: 'boolean', title: '异议是否成立' } },
      required: ['upheld'],
      additionalProperties: false,
    },
    reasonRequired: true,
  },
} as const satisfies Record<string, Omit<AvailableAction, 'action'>>;

export type CaseCommandAction = keyof typeof CASE_COMMAND_ACTIONS;

export function isCaseCommandAction(action: string): action is CaseCommandAction {
  return Object.hasOwn(CASE_COMMAND_ACTIONS, action);
}

const permitted = (check: () => unknown): boolean => {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
};

/** What `actor` may do to the case right now: the current stage's actions and the case commands. */
export function availableActions(state: CaseState, pipeline: PipelineDefinition, actor: Actor): AvailableAction[] {
  if (state.status === 'closed') return [];
  const stage = pipeline.stages[state.stage]!;
  const stageActions = Object.entries(stage.actions)
    .filter(([action]) => permitted(() => allowedAction(state, pipeline, action, actor)))
    .map(([action, definition]) => ({
      action,
      label: definition.label,
      payloadSchema: definition.payloadSchema,
      reasonRequired: false,
    }));
  const officer = actor.role === 'hr_officer';
  const noticeRunning = stage.kind === 'notice' && !state.noticeCompleted;
  const commands: CaseCommandAction[] = [
    ...(officer ? (['withdraw', 'reject'] as const) : []),
    ...(officer && noticeRunning && state.status === 'open' ? (['raiseObjection'] as const) : []),
    ...((officer || actor.role === 'approver') && state.status === 'suspended' ? (['resolveObjection'] as const) : []),
  ];
  return [...stageActions, ...commands.map((action) => ({ action, ...CASE_COMMAND_ACTIONS[action] }))];
}
