import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryFailure } from '../components/query-failure';
import { dateTime, yuan } from '../i18n/labels';
import { dimensionLabel, type Drill, fetchFacts, type Moment, type StatisticFact } from './statistics-data';

const PAGE = 50;
const CASE_STREAM = 'case-';

/** The case a fact happened in, linked to its page; plan and round facts name their stream. */
function StreamCell({ streamId }: { streamId: string }) {
  if (!streamId.startsWith(CASE_STREAM)) return <Typography.Text code>{streamId}</Typography.Text>;
  const caseId = streamId.slice(CASE_STREAM.length);
  return <Link to={`/cases/${encodeURIComponent(caseId)}`}>{caseId}</Link>;
}

/** The events behind one figure, in the order they happened: how a person checks a number. */
export function FactsDrawer({ moment, drill, onClose }: { moment: Moment; drill?: Drill; onClose: () => void }) {
  const facts = useInfiniteQuery({
    queryKey: ['statistic-facts-page', moment.year, moment.asOf, drill],
    enabled: drill !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchFacts(moment, drill!, pageParam, PAGE),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const money = drill?.metric.endsWith('_cny') ?? false;
  const columns = [
    { title: '发生时间', dataIndex: 'occurredAt', render: dateTime },
    { title: '登记时间', dataIndex: 'recordedAt', render: dateTime },
    {
      title: '分类',
      dataIndex: 'dimension',
      render: (dimension: string) => (drill ? dimensionLabel(drill.metric, dimension) : '—'),
    },
    {
      title: money ? '金额' : '计数',
      dataIndex: 'amount',
      render: (amount: number) => (money ? yuan(amount) : amount),
    },
    { title: '案件', dataIndex: 'streamId', render: (streamId: string) => <StreamCell streamId={streamId} /> },
    {
      title: '事件编号',
      dataIndex: 'eventId',
      render: (eventId: string) => (
        <Typography.Text copyable={{ text: eventId }}>{eventId.slice(0, 8)}</Typography.Text>
      ),
    },
  ];
  const items = facts.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Drawer
      open={drill !== undefined}
      onClose={onClose}
      size={1000}
      title={drill ? `${drill.title}：所统计的事件` : '所统计的事件'}
    >
      {facts.isError ? (
        <QueryFailure error={facts.error} retry={() => void facts.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {moment.asOf ? `截至 ${moment.asOf} 已登记的事件，` : ''}按发生时间排列；已显示 {items.length} 条。
          </Typography.Paragraph>
          <Table<StatisticFact>
            rowKey={(fact) => `${fact.eventId}/${fact.dimension}`}
            loading={facts.isPending}
            columns={columns}
            dataSource={items}
            pagination={false}
            size="small"
          />
          {facts.hasNextPage && (
            <Button
              style={{ marginTop: 16 }}
              loading={facts.isFetchingNextPage}
              onClick={() => void facts.fetchNextPage()}
            >
              加载更多
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}
