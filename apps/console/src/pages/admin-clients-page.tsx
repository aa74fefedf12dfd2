import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { components } from '../api/openapi';
import { QueryFailure } from '../components/query-failure';
import { dateTime, KIND_OPTIONS, kindLabel } from '../i18n/labels';

type NewClient = components['schemas']['CreateApiClientDto'];

interface ApiClientAccount {
  id: string;
  displayName: string;
  caseKinds: string[];
  disabled: boolean;
}

interface ApiKey {
  keyId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, undefined, 'network'));

/** Other systems (人事系统…) that open and read cases of the kinds granted, each with its keys. */
export function AdminClientsPage() {
  const [creating, setCreating] = useState(false);
  const clients = useQuery({
    queryKey: ['api-clients'],
    queryFn: () =>
      call<{ items: ApiClientAccount[] }>(() => api.GET('/api-clients', { params: { query: { limit: 1000 } } })),
  });
  const columns = [
    { title: '系统标识', dataIndex: 'id' },
    { title: '名称', dataIndex: 'displayName' },
    {
      title: '可办理类别',
      dataIndex: 'caseKinds',
      render: (kinds: string[]) => kinds.map((kind) => <Tag key={kind}>{kindLabel(kind)}</Tag>),
    },
    { title: '状态', dataIndex: 'disabled', render: (disabled: boolean) => (disabled ? '已停用' : '正常') },
  ];
  return (
    <Card
      title="对接系统与密钥"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          登记对接系统
        </Button>
      }
    >
      {clients.isError ? (
        <QueryFailure error={clients.error} retry={() => void clients.refetch()} />
      ) : (
        <Table<ApiClientAccount>
          rowKey="id"
          loading={clients.isPending}
          columns={columns}
          dataSource={clients.data?.items ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (client) => <ClientKeys clientId={client.id} /> }}
          locale={{ emptyText: '尚未登记对接系统' }}
        />
      )}
      {creating && <CreateClientForm onClose={() => setCreating(false)} />}
    </Card>
  );
}

function CreateClientForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewClient>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (client: NewClient) => call(() => api.POST('/api-clients', { body: client })),
    onSuccess: async (_, client) => {
      message.success(`已登记：${client.displayName}`);
      await queries.invalidateQueries({ queryKey: ['api-clients'] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title="登记对接系统"
      okText="登记"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewClient> form={form} layout="vertical" onFinish={(client) => create.mutate(client)}>
        <Form.Item
          name="id"
          label="系统标识"
          extra="2至64位小写字母、数字、点、下划线或连字符"
          rules={[
            { required: true, message: '请输入系统标识' },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/, message: '系统标识格式不正确' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="caseKinds" label="可办理类别" rules={[{ required: true, message: '请至少选择一个类别' }]}>
          <Select mode="multiple" options={KIND_OPTIONS} />
        </Form.Item>
        {create.error && (
          <Alert type="error" showIcon title="未被受理" description={asApiError(create.error).sentence} />
        )}
      </Form>
    </Modal>
  );
}

/** A client's keys; a new key is shown once, here, and never again. */
function ClientKeys({ clientId }: { clientId: string }) {
  const [name, setName] = useState('');
  const queries = useQueryClient();
  const { message } = App.useApp();
  const path = { params: { path: { id: clientId } } };
  const keys = useQuery({
    queryKey: ['api-clients', clientId, 'keys'],
    queryFn: () => call<{ items: ApiKey[] }>(() => api.GET('/api-clients/{id}/keys', path)),
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['api-clients', clientId, 'keys'] });
  const issue = useMutation({
    mutationFn: () =>
      call<ApiKey & { key: string }>(() => api.POST('/api-clients/{id}/keys', { ...path, body: { name } })),
    onSuccess: async () => {
      setName('');
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) =>
      call(() => api.DELETE('/api-clients/{id}/keys/{keyId}', { params: { path: { id: clientId, keyId } } })),
    onSuccess: async () => {
      message.success('密钥已吊销');
      await refresh();
    },
    onError: (error) => message.error(asApiError(error).sentence),
  });
  if (keys.isError) return <QueryFailure error={keys.error} retry={() => void keys.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Input
          placeholder="密钥用途，如：人事系统正式环境"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button disabled={!name.trim()} loading={issue.isPending} onClick={() => issue.mutate()}>
          签发密钥
        </Button>
      </Space>
      {issue.data && (
        <Alert
          type="success"
          showIcon
          title="密钥已签发，仅显示这一次，请立即交给对接系统的管理员妥善保存"
          description={<Typography.Text copyable>{issue.data.key}</Typography.Text>}
        />
      )}
      {issue.error && <Alert type="error" showIcon title={asApiError(issue.error).sentence} />}
      <Table<ApiKey>
        rowKey="keyId"
        size="small"
        loading={keys.isPending}
        pagination={false}
        dataSource={keys.data?.items ?? []}
        locale={{ emptyText: '尚无密钥' }}
        columns={[
          { title: '密钥编号', dataIndex: 'keyId' },
          { title: '用途', dataIndex: 'name' },
          { title: '签发时间', dataIndex: 'createdAt', render: dateTime },
          { title: '最近使用', dataIndex: 'lastUsedAt', render: dateTime },
          {
            title: '状态',
            render: (_: unknown, key: ApiKey) =>
              key.revokedAt ? (
                `已于${dateTime(key.revokedAt)}吊销`
              ) : (
                <Button size="small" danger loading={revoke.isPending} onClick={() => revoke.mutate(key.keyId)}>
                  吊销
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
