export { createDiagnosticsActivities } from './diagnostics.activities';
export type { DiagnosticsActivities, WorkerEcho } from './diagnostics.activities';
export { createCaseActivities } from './case.activities';
export type { CaseActivities, SchedulingSettings } from './case.activities';
export { createPlanActivities } from './plan.activities';
export type { PlanActivities, PlanAnswer, PlanDefaults } from './plan.activities';
export { eventIdFor, nameBasedUuid } from './event-ids';
export { noticeEndsAt, lastNoticeDay } from './working-days';
