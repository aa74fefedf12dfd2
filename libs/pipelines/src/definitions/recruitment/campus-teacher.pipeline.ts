import type { PipelineDefinition } from '@talent/domain';
import { approvalStage, checkStage, score } from '../../building-blocks';
import { establishmentStages, physicalExamStages } from './candidate-stages';
import { applicationStages, closingStages, probationStage, recruitmentOutcomes } from './recruitment-stages';

/** 校园直招教师: no written exam; 面试 (试讲) on campus, then the usual close. */
export const campusTeacherPipeline: PipelineDefinition = {
  id: 'recruitment.campus_teacher',
  version: 1,
  label: '校园直招教师',
  kind: 'recruitment',
  channel: 'campus_teacher',
  initialStage: 'application',
  stages: {
    ...applicationStages('interview'),
    interview: checkStage('面试（试讲）', 'physicalExam', { deadlineDays: 30, extra: { score } }),
    ...closingStages('probation'),
    probation: probationStage,
  },
  outcomes: recruitmentOutcomes,
};

/**
 * Version 2 (issue 13): a round's candidates enter at 体检, after the round ranked them; a failed
 * 体检 may be re-examined once (体检复检); a 事业编 post is filed (备案) and established (入编)
 * after 审批.
 */
export const campusTeacherPipelineV2: PipelineDefinition = {
  ...campusTeacherPipeline,
  version: 2,
  roundEntryStage: 'physicalExam',
  stages: {
    ...campusTeacherPipeline.stages,
    ...physicalExamStages('inspection'),
    approval: approvalStage('审批', 'filing'),
    ...establishmentStages('onboarding'),
  },
};
