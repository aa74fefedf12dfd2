import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { components } from '../api/openapi';
import type { CaseView } from '../api/views';
import { CHANNEL_OPTIONS, KIND_OPTIONS, WORKSTATION_OPTIONS } from '../i18n/labels';
import { RefusalAlert } from '../components/refusal-alert';

type Opening = components['schemas']['OpenCaseDto'];

/** 立案: the kind, its channel or workstation type, the person and the plan year. */
export function CaseCreatePage() {
  const [form] = Form.useForm<Opening>();
  const kind = Form.useWatch('kind', form);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  // One key per form: a second click, or a retry after a lost answer, returns the case already opened.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const open = useMutation({
    mutationFn: (values: Opening) =>
      call<CaseView>(() =>
        api.POST('/cases', { params: { header: { 'idempotency-key': idempotencyKey } }, body: values }),
      ),
    onSuccess: async (opened) => {
      message.success('已立案');
      await queries.invalidateQueries({ queryKey: ['cases'] });
      void navigate(`/cases/${opened.caseId}`);
    },
    onError: (error) => setRefusal(error instanceof ApiError ? error : new ApiError(0, undefined, 'network')),
  });
  return (
    <Card title="新建案件" style={{ maxWidth: 640 }}>
      <Form<Opening>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'recruitment', year: new Date().getFullYear() }}
        onFinish={(values) => open.mutate(values)}
      >
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={KIND_OPTIONS} />
        </Form.Item>
        {kind === 'recruitment' && (
          <Form.Item name="channel" label="渠道" rules={[{ required: true, message: '请选择渠道' }]}>
            <Select options={CHANNEL_OPTIONS} />
          </Form.Item>
        )}
        {kind === 'expert_workstation' && (
          <Form.Item
            name="workstationType"
            label="工作站类型"
            rules={[{ required: true, message: '请选择工作站类型' }]}
          >
            <Select options={WORKSTATION_OPTIONS} />
          </Form.Item>
        )}
        <Form.Item
          name={['subject', 'name']}
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="year" label="计划年度" rules={[{ required: true, message: '请输入计划年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <RefusalAlert refusal={refusal} style={{ marginBottom: 16 }} />
        <Button type="primary" htmlType="submit" loading={open.isPending}>
          立案
        </Button>
      </Form>
    </Card>
  );
}
