import type { PipelineDefinition, WorkstationType } from '@talent/domain';
import { UNIVERSAL_OUTCOMES } from '@talent/domain';
import { remarks, schema, stepStage } from '../building-blocks';

const WORKSTATION_LABELS: Record<WorkstationType, string> = {
  expert_workstation: '专家工作站',
  academician_workstation: '院士专家工作站',
  grassroots_research_workstation: '专家基层科研工作站',
};

const text = (title: string) => ({ type: 'string', minLength: 1, maxLength: 500, title });

/**
 * 柔性引才 with one expert: 合作意向, then either 聘任产业发展顾问 or a workstation —
 * 合作框架协议 → 申报 → 上级评审 (an outside decision that may take weeks) → 挂牌 (new this
 * year) → 年度考核 every year while it runs → closed or revoked.
 */
export function expertCooperationPipeline(type: WorkstationType): PipelineDefinition {
  return {
    id: `expert_workstation.${type}`,
    version: 1,
    label: `${WORKSTATION_LABELS[type]}建设`,
    kind: 'expert_workstation',
    workstationType: type,
    initialStage: 'cooperationIntent',
    stages: {
      cooperationIntent: {
        label: '合作意向',
        kind: 'task',
        deadlineDays: 60,
        actions: {
          recordIntent: {
            label: '登记合作意向',
            roles: ['hr_officer'],
            payloadSchema: schema(
              {
                outcome: { type: 'string', enum: ['workstation', 'consultant', 'declined'], title: '合作方式' },
                expertField: text('专业领域'),
                remarks,
              },
              ['outcome'],
            ),
            outcomes: {
              workstation: { label: '共建工作站', to: 'frameworkAgreement' },
              consultant: { label: '聘任产业发展顾问', to: 'consultantAppointment' },
              declined: { label: '未达成', to: 'not_pursued' },
            },
          },
        },
      },
      consultantAppointment: stepStage('聘任产业发展顾问', 'appoint', '聘任', 'consultant_appointed', {
        deadlineDays: 30,
        payload: schema({ industry: text('服务产业'), remarks }, ['industry']),
      }),
      frameworkAgreement: stepStage('合作框架协议', 'signAgreement', '签订框架协议', 'hostApplication', {
        deadlineDays: 60,
        payload: schema(
          { hostUnit: text('依托单位'), signedOn: { type: 'string', format: 'date', title: '签订日期' }, remarks },
          ['hostUnit'],
        ),
      }),
      hostApplication: stepStage('申报', 'submitApplication', '提交申报', 'externalReview', { deadlineDays: 30 }),
      externalReview: {
        label: '上级评审',
        kind: 'task',
        deadlineDays: 120,
        actions: {
          recordDecision: {
            label: '登记评审结果',
            roles: ['hr_officer'],
            payloadSchema: schema(
              {
                outcome: { type: 'string', enum: ['approved', 'rejected'], title: '评审结果' },
                authority: text('评审机关'),
                remarks,
              },
              ['outcome'],
            ),
            outcomes: {
              approved: { label: '批准', to: 'naming' },
              rejected: { label: '未获批', to: 'not_approved' },
            },
          },
        },
      },
      naming: stepStage('挂牌', 'name', '挂牌', 'operating', {
        deadlineDays: 60,
        payload: schema({ namedOn: { type: 'string', format: 'date', title: '挂牌日期' }, remarks }, ['namedOn']),
      }),
      operating: {
        label: '运行（年度考核）',
        kind: 'follow_up',
        repeatEveryDays: 365,
        actions: {
          recordEvaluation: {
            label: '登记年度考核',
            roles: ['hr_officer'],
            payloadSchema: schema(
              {
                outcome: { type: 'string', enum: ['pass', 'fail'], title: '考核结果' },
                year: { type: 'integer' },
                remarks,
              },
              ['outcome'],
            ),
            outcomes: { pass: { label: '合格', to: 'operating' }, fail: { label: '不合格', to: 'revoked' } },
          },
          close: {
            label: '期满关闭',
            roles: ['hr_officer'],
            payloadSchema: schema({ remarks }),
            outcomes: { done: { label: '期满关闭', to: 'closed' } },
          },
        },
      },
    },
    outcomes: {
      consultant_appointed: { label: '已聘任产业发展顾问', result: 'success' },
      closed: { label: '期满关闭', result: 'success' },
      revoked: { label: '考核不合格，撤销', result: 'failure' },
      not_approved: { label: '未获批', result: 'failure' },
      not_pursued: { label: '未达成合作', result: 'failure' },
      ...UNIVERSAL_OUTCOMES,
    },
  };
}
