export { createDiagnosticsActivities } from './diagnostics.activities';
export type { DiagnosticsActivities, WorkerEcho } from './diagnostics.activities';
export { createCaseActivities } from './case.activities';
export type { CaseActivities, SchedulingSettings } from './case.activities';
export { createPlanActivities } from './plan.activities';
export type { PlanActivities, PlanAnswer, PlanDefaults } from './plan.activities';
export { eventIdFor, nameBasedUuid } from './event-ids';
export { noticeEndsAt, lastNoticeDay } from './working-days';
export { createCommandActivities } from './command.activities';
export type { CommandActivities, CommandCheck, CommandRefusal } from './command.activities';
export {
  COMMAND_SIGNATURE_TTL_MS,
  commandSignatureProblem,
  generateCommandSigningKey,
  signCommand,
} from './command-signature';
export type { CommandSignature } from './command-signature';
export { caseStateOf, toCaseEvent, toStoredEvents } from './event-codec';
