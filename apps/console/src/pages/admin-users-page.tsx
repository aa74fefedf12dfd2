import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { components } from '../api/openapi';
import type { Role } from '../api/views';
import { QueryFailure } from '../components/query-failure';
import { dateTime, ROLE_OPTIONS, roleLabel } from '../i18n/labels';

type NewUser = components['schemas']['CreateUserDto'];
type UserChanges = components['schemas']['UpdateUserDto'];

interface User {
  id: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  passwordChangeRequired: boolean;
  lastSignInAt: string | null;
}

/** The office's accounts; a new one signs in first with the password the admin tells them. */
export function AdminUsersPage() {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => call<{ items: User[] }>(() => api.GET('/users', { params: { query: { limit: 1000 } } })),
  });
  const columns = [
    { title: '账号', dataIndex: 'id' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: roleLabel },
    {
      title: '状态',
      render: (_: unknown, user: User) =>
        user.disabled ? (
          <Tag>已停用</Tag>
        ) : user.passwordChangeRequired ? (
          <Tag color="orange">待设置密码</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    { title: '最近登录', dataIndex: 'lastSignInAt', render: dateTime },
    {
      title: '操作',
      render: (_: unknown, user: User) => (
        <Button size="small" onClick={() => setEditing(user)}>
          修改角色或状态
        </Button>
      ),
    },
  ];
  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      {users.isError ? (
        <QueryFailure error={users.error} retry={() => void users.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          loading={users.isPending}
          columns={columns}
          dataSource={users.data?.items ?? []}
          pagination={false}
          size="middle"
        />
      )}
      {creating && <CreateUserForm onClose={() => setCreating(false)} />}
      {editing && <EditUserForm user={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewUser>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const queries = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (user: NewUser) => call(() => api.POST('/users', { body: user })),
    onSuccess: async (_, user) => {
      message.success(`已创建用户：${user.displayName}`);
      await queries.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (error) => setRefusal(error instanceof ApiError ? error : new ApiError(0, undefined, 'network')),
  });
  return (
    <Modal
      open
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewUser> form={form} layout="vertical" onFinish={(user) => create.mutate(user)}>
        <Form.Item
          name="id"
          label="账号"
          extra="2至64位小写字母、数字、点、下划线或连字符，以字母或数字开头"
          rules={[
            { required: true, message: '请输入账号' },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/, message: '账号格式不正确' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          extra="请线下告知本人；首次登录时须改为自己的密码"
          rules={[{ required: true, message: '请输入初始密码' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {refusal && (
          <Alert
            type={refusal.status === 0 ? 'warning' : 'error'}
            showIcon
            title="未被受理"
            description={refusal.sentence}
          />
        )}
      </Form>
    </Modal>
  );
}

/** A new role or disabling ends the user's sessions at once; the reason goes to the audit trail. */
function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<UserChanges>();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const update = useMutation({
    mutationFn: (changes: UserChanges) =>
      call(() => api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: changes })),
    onSuccess: async () => {
      message.success(`已修改用户：${user.displayName}`);
      await queries.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const failure =
    update.error && (update.error instanceof ApiError ? update.error : new ApiError(0, undefined, 'network'));
  return (
    <Modal
      open
      title={`修改用户：${user.displayName}（${user.id}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<UserChanges>
        form={form}
        layout="vertical"
        initialValues={{ role: user.role, disabled: user.disabled }}
        onFinish={(changes) => update.mutate(changes)}
      >
        <Form.Item name="role" label="角色" extra="改变角色后，该用户须重新登录">
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="disabled" label="停用账号" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请输入理由' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {failure && <Alert type="error" showIcon title="未被受理" description={failure.sentence} />}
      </Form>
    </Modal>
  );
}
