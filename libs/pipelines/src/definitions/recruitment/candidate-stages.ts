import type { StageDefinition } from '@talent/domain';
import { noticeStage } from '../../building-blocks';
import { checkStage, passFail, remarks, schema } from '../../building-blocks';

/**
 * The candidate stages as offices run them (issue 13, version 2 of the recruitment pipelines):
 * where a round's candidates continue, one case each.
 */

/** 体检复检: the candidate may ask for one re-examination within 7 days of the failed result. */
const REEXAMINATION_REQUEST_DAYS = 7;

/**
 * 体检, and 体检复检 after a fail. Without a request within the 7 days an officer closes the case
 * (`closeWithoutReexamination`, from the 8th day on); the stage's deadline only flags a case
 * nobody settled within the 20 days a request and its result take.
 */
export const physicalExamStages = (next: string): Record<string, StageDefinition> => ({
  physicalExam: checkStage('体检', next, { deadlineDays: 20, failTo: 'physicalReexamination' }),
  physicalReexamination: {
    label: '体检复检',
    kind: 'task',
    deadlineDays: 20,
    actions: {
      requestReexamination: {
        label: '登记复检申请',
        roles: ['hr_officer'],
        payloadSchema: schema({ remarks }),
        outcomes: { done: { label: '已申请复检', to: 'physicalReexamination' } },
        withinDaysOfEntry: REEXAMINATION_REQUEST_DAYS,
        refusedAfterActions: ['requestReexamination'],
      },
      // 复检结论为最终结论.
      recordReexamination: {
        label: '登记复检结果',
        roles: ['hr_officer'],
        payloadSchema: schema({ outcome: passFail, remarks }, ['outcome']),
        outcomes: {
          pass: { label: '复检合格', to: next },
          fail: { label: '复检不合格', to: 'rejected' },
        },
        requiresActions: ['requestReexamination'],
      },
      closeWithoutReexamination: {
        label: '逾期未申请复检',
        roles: ['hr_officer'],
        payloadSchema: schema({ remarks }),
        outcomes: { done: { label: '体检不合格，未申请复检', to: 'rejected' } },
        notBeforeOfEntry: { days: REEXAMINATION_REQUEST_DAYS },
        refusedAfterActions: ['requestReexamination'],
      },
    },
  },
});

const officeDateField = (title: string) => ({ type: 'string', format: 'date', title });
const documentNumber = (title: string) => ({ type: 'string', minLength: 1, maxLength: 100, title });
const opinion = { type: 'string', minLength: 1, maxLength: 2000, title: '审批意见' };

/**
 * 审批 of a civil-service recruitment comes from outside: the municipal civil-service authority
 * approves (or records) the list, and the case records its reply's 批复文号 and date.
 */
export function authorityApprovalStage(next: string): StageDefinition {
  const reply = { replyNumber: documentNumber('批复文号'), replyDate: officeDateField('批复日期') };
  return {
    label: '审批',
    kind: 'approval',
    deadlineDays: 30,
    actions: {
      approve: {
        label: '同意',
        roles: ['approver'],
        payloadSchema: schema({ opinion, ...reply }, ['opinion', 'replyNumber', 'replyDate']),
        outcomes: { done: { label: '同意', to: next } },
        pastDateFields: ['replyDate'],
      },
      refuse: {
        label: '不同意',
        roles: ['approver'],
        payloadSchema: schema({ opinion, ...reply }, ['opinion']),
        outcomes: { done: { label: '不同意', to: 'rejected' } },
        pastDateFields: ['replyDate'],
      },
    },
  };
}

/** 事业编 posts after 审批: 备案 with human resources, then 入编 by the staffing office (编办). */
export const establishmentStages = (next: string): Record<string, StageDefinition> => ({
  filing: {
    label: '备案',
    kind: 'task',
    deadlineDays: 30,
    actions: {
      recordFiling: {
        label: '登记备案',
        roles: ['hr_officer'],
        payloadSchema: schema(
          { filingNumber: documentNumber('备案编号'), filingDate: officeDateField('备案日期'), remarks },
          ['filingNumber', 'filingDate'],
        ),
        outcomes: { done: { label: '已备案', to: 'establishment' } },
        pastDateFields: ['filingDate'],
      },
    },
  },
  establishment: {
    label: '入编',
    kind: 'task',
    deadlineDays: 30,
    actions: {
      recordEstablishment: {
        label: '登记入编',
        roles: ['hr_officer'],
        payloadSchema: schema({ establishmentDate: officeDateField('入编日期'), remarks }, ['establishmentDate']),
        outcomes: { done: { label: '已入编', to: next } },
        pastDateFields: ['establishmentDate'],
      },
    },
  },
});

/** How the county publishes the 公示 of 事业单位 posts (teachers, introduced talents). */
export const PUBLIC_NOTICE_TERMS = ['7_days', '7_working_days'] as const;
export type PublicNoticeTerms = (typeof PUBLIC_NOTICE_TERMS)[number];
export const DEFAULT_PUBLIC_NOTICE_TERMS: PublicNoticeTerms = '7_working_days';

/** 公示 of a 事业单位 post: 7 days or 7 working days, as the county configures. */
export function institutionNoticeStage(next: string, terms: PublicNoticeTerms): StageDefinition {
  const { noticeWorkingDays: _workingDays, ...notice } = noticeStage(next);
  return terms === '7_days' ? { ...notice, noticeDays: 7 } : { ...notice, noticeWorkingDays: 7 };
}
