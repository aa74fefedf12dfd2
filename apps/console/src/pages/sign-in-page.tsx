import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError } from '../api/api-error';
import { useSession } from '../session/session';

interface Fields {
  userId: string;
  password: string;
}

export function SignInPage() {
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ userId, password }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(userId.trim(), password);
    } catch (failure) {
      const refused = failure instanceof ApiError ? failure : new ApiError(0, undefined, 'network');
      // One sentence for every cause, as the api gives one: it must not tell which accounts exist.
      setError(refused.status === 401 ? '账号或密码错误，或账号已停用。' : refused.sentence);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          人才工作办理平台
        </Typography.Title>
        <Form<Fields> layout="vertical" onFinish={(fields) => void submit(fields)} requiredMark={false}>
          <Form.Item name="userId" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          首次登录请使用管理员告知的初始密码，登录后须设置自己的密码。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
