export const CASE_KINDS = ['recruitment', 'expert_workstation', 'returning_talent'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 刚性引才 channels of the report. */
export const RECRUITMENT_CHANNELS = [
  'civil_servant',
  'campus_teacher',
  'shortage_talent',
  'high_level_talent',
] as const;
export type RecruitmentChannel = (typeof RECRUITMENT_CHANNELS)[number];

/** 专家工作站, 院士专家工作站, 专家基层科研工作站. */
export const WORKSTATION_TYPES = [
  'expert_workstation',
  'academician_workstation',
  'grassroots_research_workstation',
] as const;
export type WorkstationType = (typeof WORKSTATION_TYPES)[number];

/** Quota categories of the annual plan: 编制储备 for high-level and shortage talents. */
export const QUOTA_CATEGORIES = ['high_level_talent', 'shortage_talent'] as const;
export type QuotaCategory = (typeof QUOTA_CATEGORIES)[number];
