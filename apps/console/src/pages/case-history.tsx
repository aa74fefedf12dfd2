import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { downloadFile } from '../api/files';
import type { CaseHistory as History, HistoryEvent, StreamVerification } from '../api/views';
import { QueryFailure } from '../components/query-failure';
import { dateTime, eventLabel, roleLabel } from '../i18n/labels';
import { useSession } from '../session/session';

/** A case's events, shared by the history tab and the stage track's durations. */
export function useCaseHistory(caseId: string) {
  return useQuery({
    queryKey: ['case', caseId, 'history'],
    queryFn: () => call<History>(() => api.GET('/cases/{id}/history', { params: { path: { id: caseId } } })),
  });
}

export function CaseHistory({ caseId }: { caseId: string }) {
  const history = useCaseHistory(caseId);
  const verification = useQuery({
    queryKey: ['case', caseId, 'verification'],
    queryFn: () =>
      call<StreamVerification>(() => api.GET('/cases/{id}/history/verify', { params: { path: { id: caseId } } })),
  });
  if (history.isError) return <QueryFailure error={history.error} retry={() => void history.refetch()} />;

  const columns = [
    { title: '序号', dataIndex: 'version', width: 70 },
    { title: '记录', dataIndex: 'type', render: eventLabel },
    {
      title: '办理人',
      dataIndex: 'actor',
      // The engine's own steps (timers, scheduling) are recorded under the actor id `system`.
      render: (actor: HistoryEvent['actor']) =>
        actor && actor.id !== 'system' ? `${actor.id}（${roleLabel(actor.role)}）` : '系统',
    },
    { title: '发生时间', dataIndex: 'occurredAt', render: dateTime },
    { title: '记录时间', dataIndex: 'recordedAt', render: dateTime },
    { title: '理由', dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Verification state={verification.data} failed={verification.isError} retry={() => void verification.refetch()} />
      <SignedExport caseId={caseId} />
      <Table<HistoryEvent>
        rowKey="version"
        loading={history.isPending}
        columns={columns}
        dataSource={history.data?.events ?? []}
        pagination={false}
        size="small"
      />
    </Space>
  );
}

function Verification({ state, failed, retry }: { state?: StreamVerification; failed: boolean; retry: () => void }) {
  if (failed) {
    return (
      <Alert
        type="warning"
        title="哈希链校验未能完成"
        action={
          <Button size="small" onClick={retry}>
            重试
          </Button>
        }
      />
    );
  }
  if (!state) return <Typography.Text type="secondary">正在校验哈希链……</Typography.Text>;
  return state.valid ? (
    <Alert type="success" showIcon title={`哈希链校验通过：共 ${state.eventsVerified} 条记录，未被篡改。`} />
  ) : (
    <Alert
      type="error"
      showIcon
      title={`哈希链校验未通过：第 ${state.firstBrokenLink?.version ?? '?'} 条记录起不一致，记录可能被篡改。`}
    />
  );
}

/** Auditors take the history away signed (Ed25519), to verify it offline with `npm run audit:verify-export`. */
function SignedExport({ caseId }: { caseId: string }) {
  const { user } = useSession();
  const { message } = App.useApp();
  if (user?.role !== 'auditor') return null;
  const download = () =>
    downloadFile(`/cases/${caseId}/history/export`, `案件办理历史-${caseId}.json`).catch((error: unknown) =>
      message.error((error instanceof ApiError ? error : new ApiError(0, undefined, 'network')).sentence),
    );
  return (
    <Button onClick={() => void download()} style={{ alignSelf: 'flex-start' }}>
      下载签名的办理历史
    </Button>
  );
}
