import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, call } from '../api/client';
import type { operations } from '../api/openapi';
import { useStageLabels } from '../api/pipelines';
import type { CaseList, CaseListItem } from '../api/views';
import { channelLabel, date, kindLabel, statusLabel } from '../i18n/labels';
import { QueryFailure } from './query-failure';

export type CaseFilters = NonNullable<operations['CasesController_list']['parameters']['query']>;

/**
 * The case list's columns, each name linking to its case; `withDates` adds the year and the day
 * the case was opened, for the full list, and `withSubmitter` who moved it into its stage.
 */
export function caseColumns(
  stageLabel: (stageId: string) => string,
  { withDates = false, withSubmitter = false }: { withDates?: boolean; withSubmitter?: boolean } = {},
) {
  return [
    {
      title: '姓名',
      dataIndex: 'subjectName',
      render: (name: string | null, item: CaseListItem) => (
        <Link to={`/cases/${item.caseId}`}>{name ?? '（未显示）'}</Link>
      ),
    },
    { title: '类别', dataIndex: 'kind', render: kindLabel },
    { title: '渠道', dataIndex: 'channel', render: channelLabel },
    ...(withDates ? [{ title: '年度', dataIndex: 'year' }] : []),
    { title: '当前环节', dataIndex: 'stage', render: stageLabel },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: string, item: CaseListItem) => (
        <Space>
          {statusLabel(status)}
          {item.overdue && <Tag color="red">超期</Tag>}
        </Space>
      ),
    },
    { title: '办理期限', dataIndex: 'deadlineAt', render: date },
    ...(withSubmitter ? [{ title: '提交人', dataIndex: 'submittedBy', render: (id: string | null) => id ?? '—' }] : []),
    ...(withDates ? [{ title: '立案日期', dataIndex: 'openedAt', render: date }] : []),
  ];
}

/** One page of the case list for a home's question (超期, 本周到期, 待审批…), each name linking to its case. */
export function CaseTable({
  title,
  filters,
  empty,
  withSubmitter = false,
}: {
  title: string;
  filters: CaseFilters;
  empty: string;
  withSubmitter?: boolean;
}) {
  const stageLabel = useStageLabels();
  const cases = useQuery({
    queryKey: ['cases', filters],
    queryFn: () => call<CaseList>(() => api.GET('/cases', { params: { query: filters } })),
  });
  const columns = caseColumns(stageLabel, { withSubmitter });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
        {cases.data && `（${cases.data.items.length}${cases.data.nextCursor ? '+' : ''}）`}
      </Typography.Title>
      {cases.isError ? (
        <QueryFailure error={cases.error} retry={() => void cases.refetch()} />
      ) : (
        <Table<CaseListItem>
          rowKey="caseId"
          loading={cases.isPending}
          columns={columns}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          size="small"
          locale={{ emptyText: empty }}
        />
      )}
    </Space>
  );
}
