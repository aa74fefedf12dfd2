import type { StageDefinition } from '@talent/domain';
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
