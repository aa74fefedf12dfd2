import type { PipelineDefinition, QuotaCategory, RecruitmentChannel } from '@talent/domain';
import { approvalStage, remarks, schema } from '../../building-blocks';
import {
  establishmentStages,
  institutionNoticeStage,
  physicalExamStages,
  type PublicNoticeTerms,
} from './candidate-stages';
import {
  applicationStages,
  assessmentStage,
  closingStages,
  probationStage,
  recruitmentOutcomes,
} from './recruitment-stages';
import { introducedTalentOutcomesV3, servicePeriodStage, subsidisedProbationStage } from './probation-stages';

/**
 * 调入引进 of a shortage or high-level talent: a post reserved from the year's 编制储备 first,
 * 考核认定 instead of an exam, and after 报到 the settling-in subsidy (安家费/奖励补贴) paid from
 * the talent fund in instalments, then 试用期.
 */
interface IntroducedTalentOptions {
  channel: Extract<RecruitmentChannel, 'shortage_talent' | 'high_level_talent'>;
  label: string;
  quotaCategory: QuotaCategory;
  subsidyCny: number;
  instalments: number;
  /** 服务期 after 转正 (version 3), in years. */
  serviceYears: number;
}

export function introducedTalentPipeline(options: IntroducedTalentOptions): PipelineDefinition {
  return {
    id: `recruitment.${options.channel}`,
    version: 1,
    label: options.label,
    kind: 'recruitment',
    channel: options.channel,
    initialStage: 'quotaReservation',
    stages: {
      quotaReservation: {
        label: '编制储备',
        kind: 'quota',
        quotaCategory: options.quotaCategory,
        actions: {},
        automatic: { reserved: 'application' },
      },
      ...applicationStages('assessment'),
      assessment: assessmentStage('physicalExam'),
      ...closingStages('settlingIn'),
      settlingIn: {
        label: '安家补贴发放',
        kind: 'payment',
        subsidy: { amountCny: options.subsidyCny, instalments: options.instalments },
        actions: {
          payInstalment: {
            label: '发放一期补贴',
            roles: ['hr_officer'],
            payloadSchema: schema({ amountCny: { type: 'integer', minimum: 1, title: '金额（元）' }, remarks }, [
              'amountCny',
            ]),
            outcomes: { done: { label: '已发放', to: 'settlingIn' } },
          },
        },
        automatic: { paid: 'probation' },
      },
      probation: probationStage,
    },
    outcomes: recruitmentOutcomes,
  };
}

/**
 * Version 2 (issue 13): a round's candidates enter at 体检 on the place the round holds in the
 * 编制储备, so they skip the reservation of their own; a failed 体检 may be re-examined once; the
 * 公示 runs 7 days or 7 working days as the county configures; the 事业编 post is filed (备案) and
 * established (入编) after 审批.
 */
export function introducedTalentPipelineV2(
  options: IntroducedTalentOptions,
  noticeTerms: PublicNoticeTerms,
): PipelineDefinition {
  const version1 = introducedTalentPipeline(options);
  return {
    ...version1,
    version: 2,
    roundEntryStage: 'physicalExam',
    stages: {
      ...version1.stages,
      ...physicalExamStages('inspection'),
      publicNotice: institutionNoticeStage('approval', noticeTerms),
      approval: approvalStage('审批', 'filing'),
      ...establishmentStages('onboarding'),
    },
  };
}

const shortageTalent: IntroducedTalentOptions = {
  channel: 'shortage_talent',
  label: '调入引进紧缺型人才',
  quotaCategory: 'shortage_talent',
  subsidyCny: 50_000,
  instalments: 2,
  serviceYears: 5,
};

const highLevelTalent: IntroducedTalentOptions = {
  channel: 'high_level_talent',
  label: '高层次人才引进',
  quotaCategory: 'high_level_talent',
  subsidyCny: 200_000,
  instalments: 3,
  serviceYears: 5,
};

/**
 * Version 3 (issue 13): the subsidy runs beside 试用期, not before it: committed when 试用期
 * begins, paid yearly against the assessment (the first in 试用期, each next at least 12 months
 * after the last); 转正 after the year leads into the 服务期, which 服务期满 closes hired and 提前离职
 * closes with what was paid clawed back into the fund (违约退还).
 */
export function introducedTalentPipelineV3(
  options: IntroducedTalentOptions,
  noticeTerms: PublicNoticeTerms,
): PipelineDefinition {
  const version2 = introducedTalentPipelineV2(options, noticeTerms);
  const { settlingIn: _paidBeforeProbation, ...stages } = version2.stages;
  return {
    ...version2,
    version: 3,
    stages: {
      ...stages,
      onboarding: closingStages('probation').onboarding!,
      probation: subsidisedProbationStage({ amountCny: options.subsidyCny, instalments: options.instalments }),
      servicePeriod: servicePeriodStage(options.serviceYears),
    },
    outcomes: introducedTalentOutcomesV3,
  };
}

export const shortageTalentPipeline = introducedTalentPipeline(shortageTalent);
export const highLevelTalentPipeline = introducedTalentPipeline(highLevelTalent);
export const shortageTalentPipelineV2 = (noticeTerms: PublicNoticeTerms) =>
  introducedTalentPipelineV2(shortageTalent, noticeTerms);
export const highLevelTalentPipelineV2 = (noticeTerms: PublicNoticeTerms) =>
  introducedTalentPipelineV2(highLevelTalent, noticeTerms);
export const shortageTalentPipelineV3 = (noticeTerms: PublicNoticeTerms) =>
  introducedTalentPipelineV3(shortageTalent, noticeTerms);
export const highLevelTalentPipelineV3 = (noticeTerms: PublicNoticeTerms) =>
  introducedTalentPipelineV3(highLevelTalent, noticeTerms);
