export type { Projection, ProjectionContext } from './runtime/projection';
export { ProjectionRunner } from './runtime/projection-runner';
export type { ProjectionRunnerOptions } from './runtime/projection-runner';
export { rebuildProjections } from './runtime/projection-rebuild';
export type { RebuildProgress } from './runtime/projection-rebuild';
export { measureProjectionLag } from './runtime/projection-lag';
export type { ProjectionLag } from './runtime/projection-lag';
export { activityByDayProjection } from './activity-by-day/activity-by-day.projection';
export { allProjections } from './all-projections';
export { CreateProjectionCheckpoints1764000001000 } from './migrations/1764000001000-create-projection-checkpoints';
export { CreateActivityByDay1764000002000 } from './migrations/1764000002000-create-activity-by-day';
export { caseListProjection } from './case-list/case-list.projection';
export { CreateCaseList1764000004000 } from './migrations/1764000004000-create-case-list';
export { listCases, decodeCursor, encodeCursor } from './case-list/case-list.query';
export type { CaseListFilters, CaseListItem, CaseStageRef } from './case-list/case-list.query';
export { annualStatisticsProjection } from './annual-statistics/annual-statistics.projection';
export {
  annualStatistics,
  decodeFactsCursor,
  encodeFactsCursor,
  statisticFacts,
} from './annual-statistics/annual-statistics.query';
export type {
  AnnualStatistics,
  FactsPage,
  StatisticFact,
  StatisticFactsQuery,
} from './annual-statistics/annual-statistics.query';
export { CreateAnnualStatistics1764000005000 } from './migrations/1764000005000-create-annual-statistics';
export { stageDurationsProjection } from './stage-durations/stage-durations.projection';
export { stageDurations } from './stage-durations/stage-durations.query';
export type { StageDuration } from './stage-durations/stage-durations.query';
export { CreateStageDurations1764000006000 } from './migrations/1764000006000-create-stage-durations';
export { CreateAnnualStatisticTotals1764000007000 } from './migrations/1764000007000-create-annual-statistic-totals';
export { roundsProjection } from './rounds/rounds.projection';
export { CreateRoundViews1764000013000 } from './migrations/1764000013000-create-round-views';
export { AddCaseListHandlingOfficer1764000032000 } from './migrations/1764000032000-add-case-list-handling-officer';
export { AddCaseListSubmittedBy1764000034000 } from './migrations/1764000034000-add-case-list-submitted-by';
export { CANDIDATE_STAGES } from './rounds/round-applicant-row';
export type { CandidateStage, Qualification } from './rounds/round-applicant-row';
export type { RoundCounts, RoundFigures, StageRate } from './rounds/round-figures';
export { RoundListQuery } from './rounds/round-list.query';
export type { RoundListFilters, RoundListItem, RoundStatus } from './rounds/round-list.query';
export { RoundDetailQuery } from './rounds/round-detail.query';
export type { RoundDetail, RoundPostDetail } from './rounds/round-detail.query';
export { RoundApplicantsQuery } from './rounds/round-applicants.query';
export type { RoundApplicantFilters, RoundApplicantItem } from './rounds/round-applicants.query';
export { ROUND_NAME_LISTS, RoundListsQuery } from './rounds/round-lists.query';
export type { NameListRow, RoundNameList } from './rounds/round-lists.query';
export { RoundFiguresQuery } from './rounds/round-figures.query';
export type { ChannelRoundFigures, YearRoundFigures } from './rounds/round-figures.query';
