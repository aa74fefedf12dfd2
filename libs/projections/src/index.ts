export type { Projection, ProjectionContext } from './runtime/projection';
export { ProjectionRunner } from './runtime/projection-runner';
export type { ProjectionRunnerOptions, RebuildProgress } from './runtime/projection-runner';
export { measureProjectionLag } from './runtime/projection-lag';
export type { ProjectionLag } from './runtime/projection-lag';
export { activityByDayProjection } from './activity-by-day/activity-by-day.projection';
export { allProjections } from './all-projections';
export { CreateProjectionCheckpoints1764000001000 } from './migrations/1764000001000-create-projection-checkpoints';
export { CreateActivityByDay1764000002000 } from './migrations/1764000002000-create-activity-by-day';
