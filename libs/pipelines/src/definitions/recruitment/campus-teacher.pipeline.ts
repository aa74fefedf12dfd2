import type { PipelineDefinition } from '@talent/domain';
import { approvalStage, checkStage, score } from '../../building-blocks';
import {
  establishmentStages,
  institutionNoticeStage,
  physicalExamStages,
  type PublicNoticeTerms,
} from './candidate-stages';
import { probationStageV3, recruitmentOutcomesV3 } from './probation-stages';
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
 * 体检 may be re-examined once (体检复检); the 公示 runs 7 days or 7 working days as the county
 * configures; a 事业编 post is filed (备案) and established (入编) after 审批.
 */
export function campusTeacherPipelineV2(noticeTerms: PublicNoticeTerms): PipelineDefinition {
  return {
    ...campusTeacherPipeline,
    version: 2,
    roundEntryStage: 'physicalExam',
    stages: {
      ...campusTeacherPipeline.stages,
      ...physicalExamStages('inspection'),
      publicNotice: institutionNoticeStage('approval', noticeTerms),
      approval: approvalStage('审批', 'filing'),
      ...establishmentStages('onboarding'),
    },
  };
}

/** Version 3 (issue 13): 试用期 runs its year before 转正, or ends 取消录用. */
export function campusTeacherPipelineV3(noticeTerms: PublicNoticeTerms): PipelineDefinition {
  const version2 = campusTeacherPipelineV2(noticeTerms);
  return {
    ...version2,
    version: 3,
    stages: { ...version2.stages, probation: probationStageV3('hired') },
    outcomes: recruitmentOutcomesV3,
  };
}
