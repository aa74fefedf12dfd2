import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Result, Space, Spin } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { components } from '../api/openapi';
import { QueryFailure } from '../components/query-failure';
import { quotaLabel, yuan } from '../i18n/labels';

type Opening = components['schemas']['OpenPlanDto'];

interface Plan {
  year: number;
  quotas: Record<string, { total: number; reserved: number; used: number; available: number }>;
  fund: { totalCny: number; committedCny: number; disbursedCny: number; returnedCny: number; availableCny: number };
}

/** The year's 编制储备 and 人才发展专项资金: what is left, and, before the year opens, its own figures. */
export function AdminPlanPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const plan = useQuery({
    queryKey: ['plan', year],
    queryFn: () => call<Plan>(() => api.GET('/plans/{year}', { params: { path: { year } } })),
    retry: false,
  });
  const missing = plan.error instanceof ApiError && plan.error.status === 404;
  return (
    <Card
      title="年度计划"
      extra={
        <Space>
          年度
          <InputNumber min={2000} max={2100} value={year} onChange={(value) => value && setYear(value)} />
        </Space>
      }
    >
      {missing ? (
        <OpenPlanForm year={year} />
      ) : plan.isError ? (
        <QueryFailure error={plan.error} retry={() => void plan.refetch()} />
      ) : plan.data ? (
        <PlanFigures plan={plan.data} />
      ) : (
        <Spin />
      )}
    </Card>
  );
}

function PlanFigures({ plan }: { plan: Plan }) {
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {Object.entries(plan.quotas).map(([quota, figures]) => (
        <Descriptions key={quota} title={quotaLabel(quota)} bordered size="small" column={4}>
          <Descriptions.Item label="总数">{figures.total}</Descriptions.Item>
          <Descriptions.Item label="已占用">{figures.reserved}</Descriptions.Item>
          <Descriptions.Item label="已使用">{figures.used}</Descriptions.Item>
          <Descriptions.Item label="可用">{figures.available}</Descriptions.Item>
        </Descriptions>
      ))}
      <Descriptions title="人才发展专项资金" bordered size="small" column={3}>
        <Descriptions.Item label="总额">{yuan(plan.fund.totalCny)}</Descriptions.Item>
        <Descriptions.Item label="已核定">{yuan(plan.fund.committedCny)}</Descriptions.Item>
        <Descriptions.Item label="已发放">{yuan(plan.fund.disbursedCny)}</Descriptions.Item>
        <Descriptions.Item label="已退回">{yuan(plan.fund.returnedCny)}</Descriptions.Item>
        <Descriptions.Item label="可用">{yuan(plan.fund.availableCny)}</Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

function OpenPlanForm({ year }: { year: number }) {
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const queries = useQueryClient();
  const { message } = App.useApp();
  const open = useMutation({
    mutationFn: (values: Opening) =>
      call(() => api.POST('/plans/{year}', { params: { path: { year } }, body: values })),
    onSuccess: async () => {
      message.success(`已建立${year}年度计划`);
      await queries.invalidateQueries({ queryKey: ['plan', year] });
    },
    onError: (error) => setRefusal(error instanceof ApiError ? error : new ApiError(0, undefined, 'network')),
  });
  const figure = (label: string) => [{ required: true, message: `请输入${label}` }];
  return (
    <Result
      status="info"
      title={`${year}年度尚未建立计划`}
      subTitle="可在此填写本年度的编制储备与专项资金；未填写时，首个用到计划的案件按默认数额建立。"
      extra={
        <Form<Opening> layout="inline" onFinish={(values) => open.mutate(values)} style={{ justifyContent: 'center' }}>
          <Form.Item name={['quotas', 'high_level_talent']} label="高层次人才编制" rules={figure('编制数')}>
            <InputNumber min={0} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name={['quotas', 'shortage_talent']} label="紧缺型人才编制" rules={figure('编制数')}>
            <InputNumber min={0} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name="fundCny" label="专项资金（元）" rules={figure('资金总额')}>
            <InputNumber min={0} max={10_000_000_000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            建立计划
          </Button>
          {refusal && <Alert type="error" showIcon title={refusal.sentence} style={{ width: '100%', marginTop: 16 }} />}
        </Form>
      }
    />
  );
}
