import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { RoundList, RoundListItem } from '../api/round-views';
import { CaseTable } from '../components/case-table';
import { roundColumns } from '../components/round-columns';
import { QueryFailure } from '../components/query-failure';
import { dateTime } from '../i18n/labels';

interface StoreVerification {
  valid: boolean;
  streamsVerified: number;
  eventsVerified: number;
  brokenStreams: number;
  ledger: {
    valid: boolean;
    treeSize: number;
    firstDifferingLeaf: { leafIndex: number } | null;
    latestTreeHead: { treeSize: number; issuedAt: string; signatureValid: boolean; logMatches: boolean } | null;
    streamHeads: unknown[];
  };
}

/** Any case by name, any round by its 公告, and the whole store's hash chains verified on demand. */
export function AuditorHome() {
  const [name, setName] = useState('');
  const [roundText, setRoundText] = useState('');
  const navigate = useNavigate();
  const verify = useMutation({
    mutationFn: () => call<StoreVerification>(() => api.GET('/audit/verify')),
  });
  return (
    <Card title="查询与核验" extra={<Button onClick={() => void navigate('/rounds')}>招录批次</Button>}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            核验全部记录
          </Button>
          <VerificationResult result={verify.data} error={verify.error} />
        </Space>
        <Input.Search
          allowClear
          placeholder="按姓名查询案件"
          enterButton="查询"
          style={{ maxWidth: 360 }}
          onSearch={(value) => setName(value.trim())}
        />
        {name && <CaseTable title={`姓名含“${name}”的案件`} filters={{ name, limit: 100 }} empty="未找到案件" />}
        <Input.Search
          allowClear
          placeholder="按公告标题或编号查询招录批次"
          enterButton="查询"
          style={{ maxWidth: 360 }}
          onSearch={(value) => setRoundText(value.trim())}
        />
        {roundText && <RoundResults text={roundText} />}
      </Space>
    </Card>
  );
}

function VerificationResult({ result, error }: { result?: StoreVerification; error: Error | null }) {
  if (error) {
    const failure = error instanceof ApiError ? error : new ApiError(0, undefined, 'network');
    return <Alert type="warning" showIcon title={`核验未能完成：${failure.sentence}`} />;
  }
  if (!result) return null;
  if (result.valid) {
    const head = result.ledger.latestTreeHead;
    return (
      <Alert
        type="success"
        showIcon
        title={
          `核验通过：${result.streamsVerified} 个案卷、${result.eventsVerified} 条记录均未被篡改；` +
          (head
            ? `账本 ${result.ledger.treeSize} 条，与 ${dateTime(head.issuedAt)} 签发的树头（${head.treeSize} 条）一致。`
            : '账本尚未签发树头。')
        }
      />
    );
  }
  const problems = [
    ...(result.brokenStreams > 0 ? [`${result.brokenStreams} 个案卷的哈希链不一致`] : []),
    ...(result.ledger.firstDifferingLeaf
      ? [`账本自第 ${result.ledger.firstDifferingLeaf.leafIndex} 条起与记录不符`]
      : []),
    ...(result.ledger.latestTreeHead && !result.ledger.latestTreeHead.signatureValid ? ['树头签名无效'] : []),
    ...(result.ledger.latestTreeHead && !result.ledger.latestTreeHead.logMatches ? ['记录与已签发的树头不符'] : []),
    ...(result.ledger.streamHeads.length > 0 ? [`${result.ledger.streamHeads.length} 个案卷的末条记录与账本不符`] : []),
  ];
  return <Alert type="error" showIcon title={`核验未通过：${problems.join('；') || '账本核验未通过'}。`} />;
}

function RoundResults({ text }: { text: string }) {
  const rounds = useQuery({
    queryKey: ['rounds', { text }],
    queryFn: () => call<RoundList>(() => api.GET('/rounds', { params: { query: { text, limit: 100 } } })),
  });
  if (rounds.isError) return <QueryFailure error={rounds.error} retry={() => void rounds.refetch()} />;
  return (
    <Table<RoundListItem>
      rowKey="roundId"
      loading={rounds.isPending}
      dataSource={rounds.data?.items ?? []}
      pagination={false}
      size="small"
      locale={{ emptyText: '未找到招录批次' }}
      columns={roundColumns({ brief: true })}
    />
  );
}
