import type { Pool } from 'pg';
import { decodePageCursor, encodePageCursor } from '../runtime/page-cursor';
import { QUOTA_CATEGORIES, RECRUITMENT_CHANNELS, WORKSTATION_TYPES } from '@talent/domain';

type Figures = Record<string, number>;

/** Every dimension listed, zero where nothing was counted: a report shows 0, not a gap. */
const zeroes = (dimensions: readonly string[]): Figures => Object.fromEntries(dimensions.map((d) => [d, 0]));

export interface AnnualStatistics {
  year: number;
  /** Figures as recorded by this time (null: everything recorded so far). */
  asOf: string | null;
  recruitment: {
    recruitedByChannel: Figures;
    notHiredByOutcome: Figures;
    /** Introduced talents who left within their 服务期 (违约), by channel. */
    leftServiceEarlyByChannel: Figures;
    objections: number;
  };
  quotas: Record<string, { reserved: number; released: number; used: number }>;
  /** returnedCny: paid subsidies clawed back from early leavers (违约退还). */
  fund: { committedCny: number; disbursedCny: number; releasedCny: number; returnedCny: number };
  expertCooperation: {
    cooperationIntents: number;
    consultantsAppointed: number;
    agreementsSigned: number;
    workstationsEstablished: Figures;
    workstationsCumulative: Figures;
  };
  returningTalents: Figures;
  openCases: Array<{ kind: string; stage: string; open: number; overdue: number }>;
  /** Cases opened in each month of the year (1–12), by when they were opened in the office. */
  casesOpenedByMonth: number[];
}

/** How a recruitment ends without a hire: at any stage, after an upheld objection, or 取消录用 in 试用期. */
const NOT_HIRED_OUTCOMES = ['rejected', 'withdrawn', 'disqualified', 'appointmentCancelled'] as const;

/**
 * The year's figures from the maintained facts (never from the raw events): one grouped scan of
 * the year's rows, one of the cumulative workstations and one of the open cases.
 */
export async function annualStatistics(
  pool: Pool,
  year: number,
  options: { asOf?: Date; divisionCode?: string } = {},
): Promise<AnnualStatistics> {
  const asOf = options.asOf ?? null;
  // Without asOf the maintained totals answer (a few dozen rows); asOf sums the facts recorded by then.
  const [grouped, cumulative, open] = await Promise.all([
    asOf
      ? pool.query<{ metric: string; dimension: string; total: string }>(
          `SELECT metric, dimension, sum(amount)::text AS total FROM annual_statistic_facts
           WHERE year = $1 AND recorded_at <= $2 GROUP BY metric, dimension`,
          [year, asOf],
        )
      : pool.query<{ metric: string; dimension: string; total: string }>(
          'SELECT metric, dimension, amount::text AS total FROM annual_statistic_totals WHERE year = $1',
          [year],
        ),
    asOf
      ? pool.query<{ dimension: string; total: string }>(
          `SELECT dimension, sum(amount)::text AS total FROM annual_statistic_facts
           WHERE metric = 'workstations_established' AND year <= $1 AND recorded_at <= $2 GROUP BY dimension`,
          [year, asOf],
        )
      : pool.query<{ dimension: string; total: string }>(
          `SELECT dimension, sum(amount)::text AS total FROM annual_statistic_totals
           WHERE metric = 'workstations_established' AND year <= $1 GROUP BY dimension`,
          [year],
        ),
    pool.query<{ kind: string; stage: string; open: number; overdue: number }>(
      `SELECT kind, stage, count(*)::int AS open, count(*) FILTER (WHERE overdue)::int AS overdue FROM case_list
       WHERE year = $1 AND status <> 'closed' AND ($2::text IS NULL OR division_code = $2)
       GROUP BY kind, stage ORDER BY kind, stage`,
      [year, options.divisionCode ?? null],
    ),
  ]);
  const figure = (metric: string, dimensions?: readonly string[]): Figures => {
    const found = grouped.rows.filter((row) => row.metric === metric);
    return {
      ...(dimensions ? zeroes(dimensions) : {}),
      ...Object.fromEntries(found.map((row) => [row.dimension, Number(row.total)])),
    };
  };
  const total = (metric: string) => Object.values(figure(metric)).reduce((sum, value) => sum + value, 0);
  return {
    year,
    asOf: asOf?.toISOString() ?? null,
    recruitment: {
      recruitedByChannel: figure('recruited', RECRUITMENT_CHANNELS),
      notHiredByOutcome: figure('recruitment_not_hired', NOT_HIRED_OUTCOMES),
      leftServiceEarlyByChannel: figure('recruitment_left_service_early', ['shortage_talent', 'high_level_talent']),
      objections: total('objections'),
    },
    quotas: Object.fromEntries(
      QUOTA_CATEGORIES.map((category) => [
        category,
        {
          reserved: figure('quota_reserved')[category] ?? 0,
          released: figure('quota_released')[category] ?? 0,
          used: figure('quota_used')[category] ?? 0,
        },
      ]),
    ),
    fund: {
      committedCny: total('fund_committed_cny'),
      disbursedCny: total('fund_disbursed_cny'),
      releasedCny: total('fund_released_cny'),
      returnedCny: total('fund_returned_cny'),
    },
    expertCooperation: {
      cooperationIntents: total('cooperation_intents'),
      consultantsAppointed: total('consultants_appointed'),
      agreementsSigned: total('agreements_signed'),
      workstationsEstablished: figure('workstations_established', WORKSTATION_TYPES),
      workstationsCumulative: {
        ...zeroes(WORKSTATION_TYPES),
        ...Object.fromEntries(cumulative.rows.map((row) => [row.dimension, Number(row.total)])),
      },
    },
    returningTalents: figure('returning_talents', ['settled', 'not_returning', 'left_again', 'withdrawn', 'rejected']),
    openCases: open.rows,
    casesOpenedByMonth: Array.from(
      { length: 12 },
      (_, index) => figure('cases_opened')[String(index + 1).padStart(2, '0')] ?? 0,
    ),
  };
}

export interface StatisticFact {
  eventId: string;
  streamId: string;
  /** The channel, category, type or outcome it counts in. */
  dimension: string;
  amount: number;
  occurredAt: string;
  recordedAt: string;
}

export interface StatisticFactsQuery {
  year: number;
  metric: string;
  dimension?: string;
  asOf?: Date;
  cumulative?: boolean;
}

/** A page of facts: after the row a cursor names, in the order they happened. */
export interface FactsPage {
  limit: number;
  after?: [occurredAt: string, eventId: string, dimension: string];
}

/** Opaque to clients: the last fact's sort key. */
export const encodeFactsCursor = (fact: StatisticFact): string =>
  encodePageCursor([fact.occurredAt, fact.eventId, fact.dimension]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeFactsCursor(cursor: string): FactsPage['after'] {
  const parts = decodePageCursor(cursor, 3) as FactsPage['after'];
  return parts && UUID.test(parts[1]) ? parts : undefined;
}

/**
 * The events behind one figure, a page at a time: how an auditor traces a number of the report.
 * Keyset-paginated, so a page stays right while facts are added.
 */
export async function statisticFacts(
  pool: Pool,
  query: StatisticFactsQuery,
  page: FactsPage,
): Promise<{ items: StatisticFact[]; nextCursor: string | null }> {
  const after = page.after ?? [null, null, null];
  const { rows } = await pool.query<{
    event_id: string;
    stream_id: string;
    dimension: string;
    amount: string;
    occurred_at: Date;
    recorded_at: Date;
  }>(
    `SELECT event_id, stream_id, dimension, amount::text, occurred_at, recorded_at FROM annual_statistic_facts
     WHERE ${query.cumulative ? 'year <= $1' : 'year = $1'} AND metric = $2 AND ($3::text IS NULL OR dimension = $3)
       AND ($4::timestamptz IS NULL OR recorded_at <= $4)
       AND ($5::timestamptz IS NULL OR (occurred_at, event_id, dimension) > ($5, $6::uuid, $7::text))
     ORDER BY occurred_at, event_id, dimension
     LIMIT $8`,
    [query.year, query.metric, query.dimension ?? null, query.asOf ?? null, ...after, page.limit + 1],
  );
  const items = rows.slice(0, page.limit).map((row) => ({
    eventId: row.event_id,
    streamId: row.stream_id,
    dimension: row.dimension,
    amount: Number(row.amount),
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  }));
  return { items, nextCursor: rows.length > page.limit ? encodeFactsCursor(items[items.length - 1]!) : null };
}
