import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { useSession } from '../session/session';

interface Fields {
  currentPassword: string;
  newPassword: string;
  repeated: string;
}

/** Also the page the api sends a new account to: its first password was chosen by an admin. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { user, passwordChanged } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await call(() => api.POST('/auth/password', { body: { currentPassword, newPassword } }));
      passwordChanged();
    } catch (failure) {
      const refused = failure instanceof ApiError ? failure : new ApiError(0, undefined, 'network');
      setError(
        refused.status === 401
          ? '当前密码不正确。'
          : refused.status === 400
            ? '新密码不符合要求：至少12个字符，且不能包含账号。'
            : refused.sentence,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: forced ? 120 : 24 }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3}>修改密码</Typography.Title>
        {forced && (
          <Alert
            type="warning"
            style={{ marginBottom: 16 }}
            title={`${user?.displayName ?? ''}，您的密码由管理员设置，请先设置自己的密码。设置后请用新密码重新登录。`}
          />
        )}
        <Form<Fields> layout="vertical" onFinish={(fields) => void submit(fields)} requiredMark={false}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[
              { required: true, message: '请输入新密码' },
              { min: 12, message: '新密码至少12个字符' },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeated"
            label="再次输入新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            确认修改
          </Button>
        </Form>
      </Card>
    </div>
  );
}
