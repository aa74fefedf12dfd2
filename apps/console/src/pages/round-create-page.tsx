import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { components } from '../api/openapi';
import { CHANNEL_OPTIONS } from '../i18n/labels';
import { METHOD_OPTIONS, SUBSTITUTION_STAGE_OPTIONS, TIE_RULE_OPTIONS } from '../i18n/round-labels';

type Announcement = components['schemas']['AnnounceRoundDto'];

interface Values extends Omit<Announcement, 'announcedOn' | 'registrationOpensOn' | 'registrationClosesOn'> {
  announcedOn: Dayjs;
  registration: [Dayjs, Dayjs];
}

const DAY = 'YYYY-MM-DD';
const CELL = { marginBottom: 0 };

/** The 公告 and its 职位表: what the office publishes, as one form. */
export function RoundCreatePage() {
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const announce = useMutation({
    mutationFn: ({ announcedOn, registration, ...values }: Values) =>
      call<{ roundId: string }>(() =>
        api.POST('/rounds', {
          body: {
            ...values,
            announcedOn: announcedOn.format(DAY),
            registrationOpensOn: registration[0].format(DAY),
            registrationClosesOn: registration[1].format(DAY),
            ...(values.method === 'assessment' && { shortlistRatio: undefined, weights: undefined }),
          },
        }),
      ),
    onSuccess: async (summary) => {
      message.success('公告已发布，请审批人审定职位表');
      await queries.invalidateQueries({ queryKey: ['rounds'] });
      void navigate(`/rounds/${summary.roundId}`);
    },
    onError: (error) => setRefusal(error instanceof ApiError ? error : new ApiError(0, undefined, 'network')),
  });

  return (
    <Card title="发布招录公告">
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => announce.mutate(values)}
        initialValues={{
          year: new Date().getFullYear(),
          method: 'exam',
          shortlistRatio: 3,
          weights: { written: 50, interview: 50 },
          tieRules: ['higher_written'],
          substitution: { maxPerPost: 1, untilStage: 'inspection' },
          posts: [{}],
        }}
      >
        <Space wrap size="large" align="start">
          <Form.Item name="title" label="公告标题" rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="channel" label="渠道" rules={[{ required: true }]}>
            <Select options={CHANNEL_OPTIONS} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="announcedOn" label="公告日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="registration" label="报名时间" rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.Item label="职位表" required>
          <Form.List name="posts">
            {(fields, { add, remove }) => (
              <>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={fields}
                  columns={[
                    { title: '职位代码', render: (_, field) => <PostCell name={[field.name, 'code']} required /> },
                    { title: '招录单位', render: (_, field) => <PostCell name={[field.name, 'unit']} required /> },
                    { title: '职位名称', render: (_, field) => <PostCell name={[field.name, 'title']} required /> },
                    {
                      title: '招录人数',
                      render: (_, field) => (
                        <Form.Item
                          name={[field.name, 'places']}
                          rules={[{ required: true, message: '必填' }]}
                          style={CELL}
                        >
                          <InputNumber min={1} max={1000} />
                        </Form.Item>
                      ),
                    },
                    { title: '条件', render: (_, field) => <PostCell name={[field.name, 'conditions']} /> },
                    {
                      title: '',
                      render: (_, field) =>
                        fields.length > 1 && (
                          <Button type="link" danger onClick={() => remove(field.name)}>
                            删除
                          </Button>
                        ),
                    },
                  ]}
                />
                <Button style={{ marginTop: 8 }} onClick={() => add({})}>
                  添加职位
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item name="method" label="考试方式" rules={[{ required: true }]}>
            <Select options={METHOD_OPTIONS} style={{ width: 160 }} />
          </Form.Item>
          {method === 'exam' && (
            <>
              <Form.Item name="shortlistRatio" label="面试入围比例（1:n）" rules={[{ required: true }]}>
                <InputNumber min={1} max={10} />
              </Form.Item>
              <Form.Item name={['weights', 'written']} label="笔试权重（%）" rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
              <Form.Item name={['weights', 'interview']} label="面试权重（%）" rules={[{ required: true }]}>
                <InputNumber min={0} max={100} />
              </Form.Item>
            </>
          )}
          <Form.Item name="tieRules" label="同分排序规则">
            <Select mode="multiple" options={TIE_RULE_OPTIONS} style={{ width: 300 }} placeholder="不设规则" />
          </Form.Item>
          <Form.Item name={['substitution', 'maxPerPost']} label="每职位最多递补次数" rules={[{ required: true }]}>
            <InputNumber min={0} max={20} />
          </Form.Item>
          <Form.Item name={['substitution', 'untilStage']} label="此环节之后不再递补" rules={[{ required: true }]}>
            <Select options={SUBSTITUTION_STAGE_OPTIONS} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        {refusal && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title="未被受理" description={refusal.sentence} />
        )}
        <Button type="primary" htmlType="submit" loading={announce.isPending}>
          发布
        </Button>
      </Form>
    </Card>
  );
}

function PostCell({ name, required = false }: { name: (string | number)[]; required?: boolean }) {
  return (
    <Form.Item name={name} rules={required ? [{ required: true, whitespace: true, message: '必填' }] : []} style={CELL}>
      <Input />
    </Form.Item>
  );
}
