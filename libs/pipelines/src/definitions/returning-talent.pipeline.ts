import type { PipelineDefinition } from '@talent/domain';
import { UNIVERSAL_OUTCOMES } from '@talent/domain';
import { remarks, schema, stepStage } from '../building-blocks';

/**
 * 归雁工程 / 暖心回流: a native of the county working elsewhere (XX籍人才) is registered,
 * contacted (often through a township youth talent party branch), asked about intent, helped to
 * a placement, and followed up at 3, 6 and 12 months until settled, or recorded as gone again.
 */
export const returningTalentPipeline: PipelineDefinition = {
  id: 'returning_talent',
  version: 1,
  label: '归雁工程',
  kind: 'returning_talent',
  initialStage: 'registered',
  stages: {
    registered: stepStage('登记', 'contact', '联系', 'intent', {
      deadlineDays: 30,
      payload: schema(
        {
          channel: { type: 'string', enum: ['township_party_branch', 'office', 'referral'], title: '联系渠道' },
          township: { type: 'string', maxLength: 100, title: '乡镇' },
          remarks,
        },
        ['channel'],
      ),
    }),
    intent: {
      label: '回流意向',
      kind: 'task',
      deadlineDays: 90,
      actions: {
        recordIntent: {
          label: '登记意向',
          roles: ['hr_officer'],
          payloadSchema: schema(
            { outcome: { type: 'string', enum: ['willing', 'undecided', 'unwilling'], title: '意向' }, remarks },
            ['outcome'],
          ),
          outcomes: {
            willing: { label: '有意回流', to: 'placement' },
            undecided: { label: '暂未决定', to: 'intent' },
            unwilling: { label: '无意回流', to: 'not_returning' },
          },
        },
      },
    },
    placement: {
      label: '安置',
      kind: 'task',
      deadlineDays: 90,
      actions: {
        recordPlacement: {
          label: '登记安置',
          roles: ['hr_officer'],
          payloadSchema: schema(
            {
              outcome: { type: 'string', enum: ['post', 'business', 'project'], title: '安置方式' },
              unit: { type: 'string', maxLength: 200, title: '单位或项目' },
              remarks,
            },
            ['outcome'],
          ),
          outcomes: {
            post: { label: '岗位', to: 'followUp' },
            business: { label: '创业', to: 'followUp' },
            project: { label: '项目', to: 'followUp' },
          },
        },
      },
    },
    followUp: {
      label: '回访',
      kind: 'follow_up',
      followUpDays: [90, 180, 365],
      actions: {
        checkIn: {
          label: '登记回访',
          roles: ['hr_officer'],
          payloadSchema: schema(
            { outcome: { type: 'string', enum: ['settled', 'continuing', 'left'], title: '回访结果' }, remarks },
            ['outcome'],
          ),
          outcomes: {
            settled: { label: '已稳定', to: 'settled' },
            continuing: { label: '继续回访', to: 'followUp' },
            left: { label: '再次外流', to: 'left_again' },
          },
        },
      },
    },
  },
  outcomes: {
    settled: { label: '回流稳定', result: 'success' },
    not_returning: { label: '无意回流', result: 'failure' },
    left_again: { label: '再次外流', result: 'failure' },
    ...UNIVERSAL_OUTCOMES,
  },
};
