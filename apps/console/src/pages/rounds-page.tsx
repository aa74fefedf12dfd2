import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import type { RoundList, RoundListItem, RoundStatus } from '../api/round-views';
import { QueryFailure } from '../components/query-failure';
import { roundColumns } from '../components/round-columns';
import { CHANNEL_OPTIONS } from '../i18n/labels';
import { ROUND_STATUS_OPTIONS } from '../i18n/round-labels';
import { useSession } from '../session/session';

interface Filters {
  text?: string;
  year?: number;
  channel?: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
  status?: RoundStatus;
}

const PAGE = 50;

export function RoundsPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const rounds = useInfiniteQuery({
    queryKey: ['rounds', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<RoundList>(() =>
        api.GET('/rounds', {
          // An emptied search box means no search, not a search for nothing.
          params: { query: { ...filters, text: filters.text?.trim() || undefined, limit: PAGE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const columns = roundColumns();

  return (
    <Card
      title="招录批次"
      extra={
        user?.role === 'hr_officer' && (
          <Button type="primary" onClick={() => void navigate('/rounds/new')}>
            发布招录公告
          </Button>
        )
      }
    >
      <Form<Filters> layout="inline" onValuesChange={(_, all) => setFilters(all)} style={{ marginBottom: 16 }}>
        <Form.Item name="text" label="公告">
          <Input allowClear placeholder="标题或编号中的字" style={{ width: 180 }} maxLength={50} />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="channel" label="渠道">
          <Select allowClear options={CHANNEL_OPTIONS} style={{ width: 160 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear options={ROUND_STATUS_OPTIONS} style={{ width: 140 }} placeholder="全部" />
        </Form.Item>
      </Form>
      {rounds.isError ? (
        <QueryFailure error={rounds.error} retry={() => void rounds.refetch()} />
      ) : (
        <>
          <Table<RoundListItem>
            rowKey="roundId"
            loading={rounds.isPending}
            columns={columns}
            dataSource={rounds.data?.pages.flatMap((page) => page.items) ?? []}
            pagination={false}
            size="middle"
          />
          {rounds.hasNextPage && (
            <Button
              style={{ marginTop: 16 }}
              loading={rounds.isFetchingNextPage}
              onClick={() => void rounds.fetchNextPage()}
            >
              加载更多
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
