import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { api, call } from '../api/client';
import { useStageLabels } from '../api/pipelines';
import type { CaseList, CaseListItem } from '../api/views';
import { caseColumns } from '../components/case-table';
import { QueryFailure } from '../components/query-failure';
import { CHANNEL_OPTIONS, KIND_OPTIONS, STATUS_OPTIONS } from '../i18n/labels';

interface Filters {
  name?: string;
  kind?: 'recruitment' | 'expert_workstation' | 'returning_talent';
  channel?: 'civil_servant' | 'campus_teacher' | 'shortage_talent' | 'high_level_talent';
  status?: 'open' | 'suspended' | 'closed';
  year?: number;
  overdue?: boolean;
}

const PAGE = 50;

export function CasesPage() {
  const [filters, setFilters] = useState<Filters>({});
  const stageLabel = useStageLabels();
  const cases = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<CaseList>(() =>
        api.GET('/cases', {
          params: {
            query: {
              ...filters,
              // An emptied search box means no search, not a search for nothing.
              name: filters.name?.trim() || undefined,
              overdue: filters.overdue || undefined,
              limit: PAGE,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  const columns = caseColumns(stageLabel, { withDates: true });

  return (
    <Card title="案件列表">
      <Form<Filters> layout="inline" onValuesChange={(_, all) => setFilters(all)} style={{ marginBottom: 16 }}>
        <Form.Item name="name" label="姓名">
          <Input allowClear placeholder="输入姓名中的字" style={{ width: 160 }} maxLength={50} />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select allowClear options={KIND_OPTIONS} style={{ width: 140 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="channel" label="渠道">
          <Select allowClear options={CHANNEL_OPTIONS} style={{ width: 160 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear options={STATUS_OPTIONS} style={{ width: 140 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="overdue" label="仅看超期" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {cases.isError ? (
        <QueryFailure error={cases.error} retry={() => void cases.refetch()} />
      ) : (
        <>
          <Table<CaseListItem>
            rowKey="caseId"
            loading={cases.isPending}
            columns={columns}
            dataSource={cases.data?.pages.flatMap((page) => page.items) ?? []}
            pagination={false}
            size="middle"
          />
          {cases.hasNextPage && (
            <Button
              style={{ marginTop: 16 }}
              loading={cases.isFetchingNextPage}
              onClick={() => void cases.fetchNextPage()}
            >
              加载更多
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
