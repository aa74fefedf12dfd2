import { useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { paths } from '../api/openapi';
import { channelLabel, choiceLabel, kindLabel } from '../i18n/labels';

/** What GET /statistics/annual/:year answers, as the statistics page reads it. */
export interface AnnualFigures {
  year: number;
  asOf: string | null;
  recruitment: {
    recruitedByChannel: Record<string, number>;
    notHiredByOutcome: Record<string, number>;
    leftServiceEarlyByChannel: Record<string, number>;
    objections: number;
  };
  quotas: Record<string, { reserved: number; released: number; used: number }>;
  fund: { committedCny: number; disbursedCny: number; releasedCny: number; returnedCny: number };
  expertCooperation: {
    cooperationIntents: number;
    consultantsAppointed: number;
    agreementsSigned: number;
    workstationsEstablished: Record<string, number>;
    workstationsCumulative: Record<string, number>;
  };
  returningTalents: Record<string, number>;
  openCases: { kind: string; stage: string; open: number; overdue: number }[];
  casesOpenedByMonth: number[];
}

export interface StatisticFact {
  eventId: string;
  streamId: string;
  dimension: string;
  amount: number;
  occurredAt: string;
  recordedAt: string;
}

export interface FactsPage {
  items: StatisticFact[];
  nextCursor: string | null;
}

export interface StageDuration {
  kind: string;
  stage: string;
  completed: number;
  medianDays: number | null;
  p90Days: number | null;
  maxDays: number | null;
  current: number;
  longestCurrentDays: number | null;
}

export type Metric = NonNullable<paths['/statistics/annual/{year}/facts']['get']['parameters']['query']>['metric'];

/** A figure a person clicked: the events behind it are what the drill-down lists. */
export interface Drill {
  metric: Metric;
  dimension?: string;
  cumulative?: boolean;
  title: string;
}

/** The year the page shows and the moment its figures are read at (none: everything recorded so far). */
export interface Moment {
  year: number;
  asOf?: string;
}

export function useAnnualFigures({ year, asOf }: Moment) {
  return useQuery({
    queryKey: ['statistics', year, asOf],
    queryFn: () =>
      call<AnnualFigures>(() => api.GET('/statistics/annual/{year}', { params: { path: { year }, query: { asOf } } })),
  });
}

export function useStageDurations(year: number) {
  return useQuery({
    queryKey: ['stage-durations', year],
    queryFn: () =>
      call<StageDuration[]>(() => api.GET('/statistics/stage-durations/{year}', { params: { path: { year } } })),
  });
}

export const fetchFacts = (moment: Moment, drill: Drill, cursor: string | undefined, limit: number) =>
  call<FactsPage>(() =>
    api.GET('/statistics/annual/{year}/facts', {
      params: {
        path: { year: moment.year },
        query: {
          metric: drill.metric,
          dimension: drill.dimension,
          cumulative: drill.cumulative,
          asOf: moment.asOf,
          limit,
          cursor,
        },
      },
    }),
  );

/** Every fact of a metric, for a chart that splits a figure further than the api does (by month). */
export function useAllFacts(moment: Moment, metric: Metric) {
  return useQuery({
    queryKey: ['statistic-facts', moment.year, moment.asOf, metric],
    queryFn: async () => {
      const facts: StatisticFact[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchFacts(moment, { metric, title: '' }, cursor, 1000);
        facts.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return facts;
    },
  });
}

const OUTCOME: Record<string, string> = {
  rejected: '未通过',
  withdrawn: '本人放弃',
  disqualified: '取消资格',
  appointmentCancelled: '取消录用',
};

const WORKSTATION: Record<string, string> = {
  expert_workstation: '专家工作站',
  academician_workstation: '院士专家工作站',
  grassroots_research_workstation: '专家基层科研工作站',
};

const RETURNING: Record<string, string> = {
  settled: '已安定',
  not_returning: '暂不回引',
  left_again: '再次离开',
  withdrawn: '本人放弃',
  rejected: '未通过',
};

export const outcomeLabel = (id: string) => OUTCOME[id] ?? '其他结果';
export const workstationLabel = (id: string) => WORKSTATION[id] ?? '其他工作站';
export const returningLabel = (id: string) => RETURNING[id] ?? '其他结果';
export const monthLabel = (month: number) => `${month}月`;

/** A fact's dimension in words, whatever the metric: a channel, category, type, outcome or month. */
export function dimensionLabel(metric: Metric, dimension: string): string {
  if (dimension === 'all') return '—';
  switch (metric) {
    case 'cases_opened':
      return monthLabel(Number(dimension));
    case 'recruitment_not_hired':
      return outcomeLabel(dimension);
    case 'returning_talents':
      return returningLabel(dimension);
    case 'objections':
      return kindLabel(dimension);
    case 'cooperation_intents':
    case 'workstations_closed':
      return choiceLabel(dimension);
    case 'agreements_signed':
    case 'workstations_established':
      return workstationLabel(dimension);
    case 'recruited':
    case 'recruitment_left_service_early':
    case 'quota_reserved':
    case 'quota_released':
    case 'quota_used':
      return channelLabel(dimension);
    case 'consultants_appointed':
    case 'fund_committed_cny':
    case 'fund_disbursed_cny':
    case 'fund_released_cny':
    case 'fund_returned_cny':
      return '—';
  }
}

const SHANGHAI_MONTH = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric' });

/** The month (1–12) an instant falls in at the office. */
export const officeMonth = (iso: string): number => parseInt(SHANGHAI_MONTH.format(new Date(iso)), 10);
