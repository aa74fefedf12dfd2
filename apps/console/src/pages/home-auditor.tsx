import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { CaseTable } from '../components/case-table';

interface StoreVerification {
  valid: boolean;
  streamsVerified: number;
  eventsVerified: number;
  brokenStreams: number;
}

/** Any case by name, any round from the list, and the whole store's hash chains verified on demand. */
export function AuditorHome() {
  const [name, setName] = useState('');
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
  return result.valid ? (
    <Alert
      type="success"
      showIcon
      title={`核验通过：${result.streamsVerified} 个案卷、${result.eventsVerified} 条记录均未被篡改。`}
    />
  ) : (
    <Alert type="error" showIcon title={`核验未通过：${result.brokenStreams} 个案卷的哈希链不一致。`} />
  );
}
