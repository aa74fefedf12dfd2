import { DomainError } from '../shared/domain-error';
import type { Actor } from '../shared/roles';
import type { PersonCommand } from './case-commands';
import type { CaseState } from './case-state';
import { allowedAction, consequenceTime, decideCase } from './decide-case';
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
  confirmNoticeEnded: { label: '确认公示期满', payloadSchema: noPayload, reasonRequired: false },
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

/** A command as a form would send it, dated at the earliest moment the case accepts. */
function probe(action: CaseCommandAction, state: CaseState, actor: Actor): PersonCommand {
  const occurredAt = consequenceTime(state, action === 'confirmNoticeEnded' ? state.noticeEndsAt : undefined);
  switch (action) {
    case 'withdraw':
    case 'reject':
      return { type: action, reason: '-', actor, occurredAt };
    case 'raiseObjection':
      return { type: action, grounds: '-', actor, occurredAt };
    case 'resolveObjection':
      return { type: action, upheld: false, reason: '-', actor, occurredAt };
    case 'confirmNoticeEnded':
      return { type: action, actor, occurredAt };
  }
}

/**
 * What `actor` may do to the case right now: the current stage's actions and the case commands,
 * each asked of the decider itself, so that no rule lives twice.
 */
export function availableActions(state: CaseState, pipeline: PipelineDefinition, actor: Actor): AvailableAction[] {
  if (state.status === 'closed') return [];
  const stage = pipeline.stages[state.stage]!;
  const stageActions = Object.entries(stage.actions)
    .filter(([action]) => permitted(() => allowedAction(state, pipeline, action, actor)))
    .map(([action, definition]) => ({
      action,
      label: definition.label,
      payloadSchema: definition.payloadSchema,
      reasonRequired: definition.reasonRequired ?? false,
    }));
  const commands = (Object.keys(CASE_COMMAND_ACTIONS) as CaseCommandAction[]).filter((action) =>
    permitted(() => decideCase(state, probe(action, state, actor), pipeline)),
  );
  return [...stageActions, ...commands.map((action) => ({ action, ...CASE_COMMAND_ACTIONS[action] }))];
}
