import { officeMonth, officeYear } from '@talent/domain';
import type { RecordedEvent } from '@talent/event-store';
import type { Projection, ProjectionContext } from '../runtime/projection';

type Data = Record<string, unknown>;

export interface Fact {
  year: number;
  metric: string;
  dimension: string;
  amount: number;
  event: RecordedEvent;
}

interface CaseFacts {
  kind: string;
  channel: string | null;
  workstationType: string | null;
}

const fact = (
  event: RecordedEvent,
  metric: string,
  dimension: string,
  amount = 1,
  year = officeYear(event.occurredAt),
): Fact => ({
  year,
  metric,
  dimension,
  amount,
  event,
});

/** What a case event counts for, given the case it belongs to. */
export function caseFacts(event: RecordedEvent, kase: CaseFacts | undefined): Fact[] {
  const data = event.data as Data;
  if (!kase) return [];
  if (event.type === 'CaseOpened') {
    return [fact(event, 'cases_opened', String(officeMonth(event.occurredAt)).padStart(2, '0'))];
  }
  if (event.type === 'CaseClosed') {
    const outcome = String(data.outcome);
    if (kase.kind === 'recruitment') {
      if (outcome === 'hired') return [];
      // Appointed, then gone before the 服务期 ended: hired once, counted apart from those never hired.
      if (outcome === 'leftServiceEarly') return [fact(event, 'recruitment_left_service_early', kase.channel!)];
      return [fact(event, 'recruitment_not_hired', outcome)];
    }
    if (kase.kind === 'returning_talent') return [fact(event, 'returning_talents', outcome)];
    if (outcome === 'consultant_appointed') return [fact(event, 'consultants_appointed', 'all')];
    return [fact(event, 'workstations_closed', outcome)];
  }
  if (event.type === 'ObjectionRaised') return [fact(event, 'objections', kase.kind)];
  if (event.type !== 'ActionTaken') return [];
  // 新招录: a candidate is recruited in the year they report for duty (报到), whatever probation brings later.
  if (kase.kind === 'recruitment') return data.action === 'report' ? [fact(event, 'recruited', kase.channel!)] : [];
  if (kase.kind !== 'expert_workstation') return [];
  const action = String(data.action);
  if (action === 'recordIntent' && data.outcome !== 'declined')
    return [fact(event, 'cooperation_intents', String(data.outcome))];
  if (action === 'signAgreement') return [fact(event, 'agreements_signed', kase.workstationType!)];
  // 挂牌: the workstation is established (counts as new in the year it happens).
  if (action === 'name') return [fact(event, 'workstations_established', kase.workstationType!)];
  return [];
}

const PLAN_METRICS: Record<string, string> = {
  PlanQuotaReserved: 'quota_reserved',
  PlanQuotaReleased: 'quota_released',
  PlanQuotaUsed: 'quota_used',
  PlanFundCommitted: 'fund_committed_cny',
  PlanFundDisbursed: 'fund_disbursed_cny',
  PlanFundReleased: 'fund_released_cny',
  PlanFundReturned: 'fund_returned_cny',
};

/** What a plan event counts for: in the plan's own year, whenever it happened. */
export function planFacts(event: RecordedEvent): Fact[] {
  const metric = PLAN_METRICS[event.type];
  if (!metric) return [];
  const data = event.data as Data;
  const planYear = Number(event.streamId.split('-').at(-1));
  return metric.startsWith('quota')
    ? [fact(event, metric, String(data.category), 1, planYear)]
    : [fact(event, metric, 'all', Number(data.amountCny), planYear)];
}

async function rememberCase(client: ProjectionContext['client'], table: string, event: RecordedEvent): Promise<void> {
  const data = event.data as Data;
  await client.query(
    `INSERT INTO ${table} (case_id, kind, channel, workstation_type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [data.caseId, data.kind, data.channel ?? null, data.workstationType ?? null],
  );
}

async function casesOf(
  client: ProjectionContext['client'],
  table: string,
  caseIds: string[],
): Promise<Map<string, CaseFacts>> {
  const { rows } = await client.query<{
    case_id: string;
    kind: string;
    channel: string | null;
    workstation_type: string | null;
  }>(`SELECT case_id, kind, channel, workstation_type FROM ${table} WHERE case_id = ANY($1)`, [caseIds]);
  return new Map(
    rows.map((row) => [row.case_id, { kind: row.kind, channel: row.channel, workstationType: row.workstation_type }]),
  );
}

/**
 * The facts behind the annual statistics: every counted event becomes one row, so a figure is
 * a sum (fast, indexed) and can always name the events it counts; `recorded_at` on each row
 * answers "as the figures stood on a date".
 */
export const annualStatisticsProjection: Projection = {
  name: 'annual_statistics',
  tables: ['annual_statistic_facts', 'annual_statistic_cases', 'annual_statistic_totals'],
  apply: async ({ client, table }, events) => {
    const caseTable = table('annual_statistic_cases');
    for (const event of events) if (event.type === 'CaseOpened') await rememberCase(client, caseTable, event);
    const caseIds = [
      ...new Set(events.filter((event) => event.streamId.startsWith('case-')).map((event) => event.streamId.slice(5))),
    ];
    const cases = caseIds.length > 0 ? await casesOf(client, caseTable, caseIds) : new Map<string, CaseFacts>();
    // Other streams (principals, refusals) hold no figures of the report.
    const facts = events.flatMap((event) => {
      if (event.streamId.startsWith('plan-')) return planFacts(event);
      return event.streamId.startsWith('case-') ? caseFacts(event, cases.get(event.streamId.slice(5))) : [];
    });
    if (facts.length === 0) return;
    // Totals grow only by the facts actually inserted, so a replayed batch adds nothing twice.
    await client.query(
      `WITH inserted AS (
         INSERT INTO ${table('annual_statistic_facts')}
           (year, metric, dimension, amount, event_id, stream_id, occurred_at, recorded_at)
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::uuid[], $6::text[],
                              $7::timestamptz[], $8::timestamptz[])
         ON CONFLICT DO NOTHING
         RETURNING year, metric, dimension, amount
       )
       INSERT INTO ${table('annual_statistic_totals')} AS totals (year, metric, dimension, amount)
       SELECT year, metric, dimension, sum(amount) FROM inserted GROUP BY year, metric, dimension
       ON CONFLICT (year, metric, dimension) DO UPDATE SET amount = totals.amount + excluded.amount`,
      [
        facts.map((f) => f.year),
        facts.map((f) => f.metric),
        facts.map((f) => f.dimension),
        facts.map((f) => f.amount),
        facts.map((f) => f.event.eventId),
        facts.map((f) => f.event.streamId),
        facts.map((f) => f.event.occurredAt),
        facts.map((f) => f.event.recordedAt),
      ],
    );
  },
};
