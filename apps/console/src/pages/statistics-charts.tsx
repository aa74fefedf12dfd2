import { Card, Empty, Table, Tag } from 'antd';
import { useStageLabels } from '../api/pipelines';
import { Chart, type ChartOption } from '../components/charts';
import { QueryFailure } from '../components/query-failure';
import { CHANNEL_OPTIONS, kindLabel } from '../i18n/labels';
import {
  type AnnualFigures,
  type Drill,
  type Moment,
  monthLabel,
  officeMonth,
  type StageDuration,
  useAllFacts,
  useStageDurations,
} from './statistics-data';

const MONTHS = Array.from({ length: 12 }, (_, index) => monthLabel(index + 1));
const GRID = { left: 48, right: 24, top: 64, bottom: 16, containLabel: true };
/** Above the plot: below it, the legend would cover the axis labels. */
const LEGEND = { top: 0 };
/** The slowest stages, by median days, marked as the bottlenecks. */
const BOTTLENECKS = 3;

type Pick = (drill: Drill) => void;

/** 各渠道引进人数（按月）: the recruited facts split by the month they reported for duty (报到). */
export function RecruitsByMonthChart({ moment, onDrill }: { moment: Moment; onDrill: Pick }) {
  const facts = useAllFacts(moment, 'recruited');
  if (facts.isError) return <QueryFailure error={facts.error} retry={() => void facts.refetch()} />;
  const series = CHANNEL_OPTIONS.map(({ value, label }) => {
    const perMonth = Array.from({ length: 12 }, () => 0);
    for (const fact of facts.data ?? []) {
      if (fact.dimension === value) perMonth[officeMonth(fact.occurredAt) - 1]! += fact.amount;
    }
    return { type: 'bar' as const, name: label, stack: 'recruited', data: perMonth };
  });
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: LEGEND,
    grid: GRID,
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', minInterval: 1, name: '人' },
    series,
  };
  return (
    <Card title="各渠道引进人数（按报到月份）" loading={facts.isPending}>
      <Chart
        label="各渠道引进人数"
        option={option}
        onPick={({ seriesIndex }) => {
          const channel = CHANNEL_OPTIONS[seriesIndex];
          if (channel) onDrill({ metric: 'recruited', dimension: channel.value, title: `${channel.label}引进人数` });
        }}
      />
    </Card>
  );
}

/** 每月立案数. */
export function CasesOpenedChart({ figures, onDrill }: { figures: AnnualFigures; onDrill: Pick }) {
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: GRID,
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [{ type: 'line', name: '立案', data: figures.casesOpenedByMonth, symbolSize: 10 }],
  };
  return (
    <Card title="每月立案数">
      <Chart
        label="每月立案数"
        option={option}
        onPick={({ dataIndex }) =>
          onDrill({
            metric: 'cases_opened',
            dimension: String(dataIndex + 1).padStart(2, '0'),
            title: `${monthLabel(dataIndex + 1)}立案`,
          })
        }
      />
    </Card>
  );
}

/** 在办案件（按环节）: where the open cases stand now, and how many of them are overdue. */
export function OpenCasesChart({ figures }: { figures: AnnualFigures }) {
  const stageLabel = useStageLabels();
  const rows = figures.openCases;
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: LEGEND,
    grid: GRID,
    xAxis: {
      type: 'category',
      data: rows.map((row) => `${kindLabel(row.kind)}·${stageLabel(row.stage)}`),
      // Every stage named, wrapped rather than skipped.
      axisLabel: { interval: 0, width: 72, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    series: [
      { type: 'bar', name: '在办', data: rows.map((row) => row.open - row.overdue), stack: 'open' },
      {
        type: 'bar',
        name: '超期',
        data: rows.map((row) => row.overdue),
        stack: 'open',
        itemStyle: { color: '#cf1322' },
      },
    ],
  };
  return (
    <Card title="在办案件（按环节）">
      {rows.length === 0 ? <Empty description="没有在办案件" /> : <Chart label="在办案件" option={option} />}
    </Card>
  );
}

const days = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} 天`);

/** 环节用时与瓶颈: median and p90 days per stage, slowest first, as the api orders them. */
export function StageDurationsCard({ year }: { year: number }) {
  const stageLabel = useStageLabels();
  const durations = useStageDurations(year);
  if (durations.isError) return <QueryFailure error={durations.error} retry={() => void durations.refetch()} />;
  const rows = durations.data ?? [];
  const name = (row: StageDuration) => `${kindLabel(row.kind)}·${stageLabel(row.stage)}`;
  const charted = rows.filter((row) => row.medianDays !== null).reverse();
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    legend: LEGEND,
    grid: { ...GRID, left: 16 },
    xAxis: { type: 'value', name: '天' },
    yAxis: { type: 'category', data: charted.map(name) },
    series: [
      { type: 'bar', name: '中位用时', data: charted.map((row) => row.medianDays ?? 0) },
      { type: 'bar', name: '九成案件用时', data: charted.map((row) => row.p90Days ?? 0) },
    ],
  };
  const columns = [
    {
      title: '环节',
      key: 'stage',
      render: (_: unknown, row: StageDuration, index: number) => (
        <>
          {name(row)} {index < BOTTLENECKS && row.medianDays !== null && <Tag color="orange">瓶颈</Tag>}
        </>
      ),
    },
    { title: '已办结', dataIndex: 'completed' },
    { title: '中位用时', dataIndex: 'medianDays', render: days },
    { title: '九成案件用时', dataIndex: 'p90Days', render: days },
    { title: '最长用时', dataIndex: 'maxDays', render: days },
    { title: '当前在办', dataIndex: 'current' },
    { title: '当前最久等待', dataIndex: 'longestCurrentDays', render: days },
  ];
  return (
    <Card title="环节用时与瓶颈" loading={durations.isPending}>
      {charted.length > 0 && <Chart label="环节用时" option={option} height={Math.max(240, charted.length * 36)} />}
      <Table<StageDuration>
        rowKey={(row) => `${row.kind}/${row.stage}`}
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
      />
    </Card>
  );
}
