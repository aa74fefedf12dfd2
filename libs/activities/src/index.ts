export { createDiagnosticsActivities } from './diagnostics.activities';
export type { DiagnosticsActivities, WorkerEcho } from './diagnostics.activities';
