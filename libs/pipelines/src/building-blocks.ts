import type { ActionDefinition, PayloadSchema, Role, StageDefinition } from '@talent/domain';

/** Small builders so each definition reads like the office's own procedure. */
export const schema = (properties: PayloadSchema['properties'], required: string[] = []): PayloadSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const remarks = { type: 'string', maxLength: 2000, title: '备注' };
export const passFail = { type: 'string', enum: ['pass', 'fail'], title: '结果' };
export const score = { type: 'number', minimum: 0, maximum: 100, title: '成绩' };

/** A stage where an officer records whether the candidate passed. */
export function checkStage(
  label: string,
  next: string,
  options: { deadlineDays?: number; extra?: PayloadSchema['properties']; failTo?: string; roles?: Role[] } = {},
): StageDefinition {
  return {
    label,
    kind: 'task',
    ...(options.deadlineDays && { deadlineDays: options.deadlineDays }),
    actions: {
      record: {
        label: `登记${label}结果`,
        roles: options.roles ?? ['hr_officer'],
        payloadSchema: schema({ outcome: passFail, remarks, ...options.extra }, ['outcome']),
        outcomes: {
          pass: { label: '通过', to: next },
          fail: { label: '未通过', to: options.failTo ?? 'rejected' },
        },
      },
    },
  };
}

/** A stage an officer completes with one action that moves the case on. */
export function stepStage(
  label: string,
  actionId: string,
  actionLabel: string,
  next: string,
  options: { deadlineDays?: number; payload?: PayloadSchema; roles?: Role[] } = {},
): StageDefinition {
  return {
    label,
    kind: 'task',
    ...(options.deadlineDays && { deadlineDays: options.deadlineDays }),
    actions: {
      [actionId]: {
        label: actionLabel,
        roles: options.roles ?? ['hr_officer'],
        payloadSchema: options.payload ?? schema({ remarks }),
        outcomes: { done: { label: actionLabel, to: next } },
      },
    },
  };
}

/** 审批: signed off by an approver who did not submit the case (checked by the engine). */
export function approvalStage(label: string, next: string, deadlineDays = 10): StageDefinition {
  const opinion = schema({ opinion: { type: 'string', minLength: 1, maxLength: 2000, title: '审批意见' } }, [
    'opinion',
  ]);
  const approve: ActionDefinition = {
    label: '同意',
    roles: ['approver'],
    payloadSchema: opinion,
    outcomes: { done: { label: '同意', to: next } },
  };
  const refuse: ActionDefinition = {
    label: '不同意',
    roles: ['approver'],
    payloadSchema: opinion,
    outcomes: { done: { label: '不同意', to: 'rejected' } },
  };
  return { label, kind: 'approval', deadlineDays, actions: { approve, refuse } };
}

/** 公示: at least five working days; an objection suspends the case until it is resolved. */
export function noticeStage(next: string, workingDays = 5): StageDefinition {
  return { label: '公示', kind: 'notice', noticeWorkingDays: workingDays, actions: {}, automatic: { elapsed: next } };
}
