import type { PipelineDefinition } from '@talent/domain';
import { checkStage, score } from '../../building-blocks';
import { authorityApprovalStage, physicalExamStages } from './candidate-stages';
import { probationStageV3, recruitmentOutcomesV3 } from './probation-stages';
import { applicationStages, closingStages, probationStage, recruitmentOutcomes } from './recruitment-stages';

/** 公务员招录: 报名 → 资格审查 → 笔试 → 面试 → 体检 → 考察 → 公示 → 审批 → 报到 → 试用期. */
export const civilServantPipeline: PipelineDefinition = {
  id: 'recruitment.civil_servant',
  version: 1,
  label: '公务员招录',
  kind: 'recruitment',
  channel: 'civil_servant',
  initialStage: 'application',
  stages: {
    ...applicationStages('writtenExam'),
    writtenExam: checkStage('笔试', 'interview', { deadlineDays: 30, extra: { score } }),
    interview: checkStage('面试', 'physicalExam', { deadlineDays: 30, extra: { score } }),
    ...closingStages('probation'),
    probation: probationStage,
  },
  outcomes: recruitmentOutcomes,
};

/**
 * Version 2 (issue 13): a round's candidates enter at 体检, after the round ranked them; a failed
 * 体检 may be re-examined once (体检复检); 审批 records the authority's reply (批复文号, 批复日期).
 */
export const civilServantPipelineV2: PipelineDefinition = {
  ...civilServantPipeline,
  version: 2,
  roundEntryStage: 'physicalExam',
  stages: {
    ...civilServantPipeline.stages,
    ...physicalExamStages('inspection'),
    approval: authorityApprovalStage('onboarding'),
  },
};

/** Version 3 (issue 13): 试用期 runs its year before 转正, or ends 取消录用. */
export const civilServantPipelineV3: PipelineDefinition = {
  ...civilServantPipelineV2,
  version: 3,
  stages: { ...civilServantPipelineV2.stages, probation: probationStageV3('hired') },
  outcomes: recruitmentOutcomesV3,
};
