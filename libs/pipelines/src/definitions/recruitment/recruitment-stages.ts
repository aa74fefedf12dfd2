import type { StageDefinition, TerminalOutcome } from '@talent/domain';
import { DISQUALIFIED_OUTCOME, UNIVERSAL_OUTCOMES } from '@talent/domain';
import { approvalStage, checkStage, noticeStage, remarks, schema, stepStage } from '../../building-blocks';

export const recruitmentOutcomes: Record<string, TerminalOutcome> = {
  hired: { label: '录用', result: 'success' },
  ...UNIVERSAL_OUTCOMES,
  [DISQUALIFIED_OUTCOME]: { label: '公示异议成立，取消资格', result: 'failure' },
};

/** 报名 and 资格审查, the opening of every public recruitment. */
export const applicationStages = (next: string): Record<string, StageDefinition> => ({
  application: stepStage('报名', 'register', '登记报名', 'qualificationReview', {
    payload: schema({ post: { type: 'string', minLength: 1, maxLength: 200, title: '报考岗位' }, remarks }, ['post']),
  }),
  qualificationReview: checkStage('资格审查', next, { deadlineDays: 15 }),
});

/** 体检 → 考察 → 公示 → 审批 → 报到, the close of every public recruitment, ending at `after`. */
export const closingStages = (after: string): Record<string, StageDefinition> => ({
  physicalExam: checkStage('体检', 'inspection', { deadlineDays: 20 }),
  inspection: checkStage('考察', 'publicNotice', { deadlineDays: 30 }),
  publicNotice: noticeStage('approval'),
  approval: approvalStage('审批', 'onboarding'),
  onboarding: stepStage('报到', 'report', '登记报到', after, {
    deadlineDays: 30,
    payload: schema({ unit: { type: 'string', minLength: 1, maxLength: 200, title: '用人单位' }, remarks }, ['unit']),
  }),
});

/** 试用期: ends hired, or not confirmed. */
export const probationStage: StageDefinition = checkStage('试用期', 'hired', { deadlineDays: 365 });

/** 考核认定 (实践操作、业绩展示、技能评比) instead of an exam, for introduced talents. */
export const assessmentStage = (next: string): StageDefinition =>
  checkStage('考核认定', next, {
    deadlineDays: 30,
    extra: {
      method: { type: 'string', enum: ['practical', 'performance_review', 'skills_contest'], title: '评价方式' },
    },
  });
