import { activityByDayProjection } from './activity-by-day/activity-by-day.projection';
import { annualStatisticsProjection } from './annual-statistics/annual-statistics.projection';
import { caseListProjection } from './case-list/case-list.projection';
import { roundsProjection } from './rounds/rounds.projection';
import { stageDurationsProjection } from './stage-durations/stage-durations.projection';
import type { Projection } from './runtime/projection';

/** Every projection the worker keeps current, and that a full rebuild rebuilds. */
export const allProjections: readonly Projection[] = [
  activityByDayProjection,
  caseListProjection,
  annualStatisticsProjection,
  stageDurationsProjection,
  roundsProjection,
];
