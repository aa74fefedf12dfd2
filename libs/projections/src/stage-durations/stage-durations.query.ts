import type { Pool } from 'pg';

export interface StageDuration {
  kind: string;
  stage: string;
  /** Visits that ended (the case moved on or closed). */
  completed: number;
  medianDays: number | null;
  p90Days: number | null;
  maxDays: number | null;
  /** Cases in the stage now, and how long the longest of them has waited. */
  current: number;
  longestCurrentDays: number | null;
}

/** Where cases of a year spend their time: the bottleneck view, slowest stages first. */
export async function stageDurations(
  pool: Pool,
  year: number,
  kind?: string,
  now = new Date(),
): Promise<StageDuration[]> {
  const { rows } = await pool.query<{
    kind: string;
    stage: string;
    completed: number;
    median_days: number | null;
    p90_days: number | null;
    max_days: number | null;
    current: number;
    longest_current_days: number | null;
  }>(
    `SELECT kind, stage,
            count(left_at)::int AS completed,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at)) / 86400)::numeric, 1)::float AS median_days,
            round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at)) / 86400)::numeric, 1)::float AS p90_days,
            round((max(extract(epoch FROM left_at - entered_at)) / 86400)::numeric, 1)::float AS max_days,
            count(*) FILTER (WHERE left_at IS NULL)::int AS current,
            round((max(extract(epoch FROM $3::timestamptz - entered_at)) FILTER (WHERE left_at IS NULL) / 86400)::numeric, 1)::float
              AS longest_current_days
     FROM stage_durations WHERE year = $1 AND ($2::text IS NULL OR kind = $2)
     GROUP BY kind, stage ORDER BY median_days DESC NULLS LAST, kind, stage`,
    [year, kind ?? null, now],
  );
  return rows.map((row) => ({
    kind: row.kind,
    stage: row.stage,
    completed: row.completed,
    medianDays: row.median_days,
    p90Days: row.p90_days,
    maxDays: row.max_days,
    current: row.current,
    longestCurrentDays: row.longest_current_days,
  }));
}
