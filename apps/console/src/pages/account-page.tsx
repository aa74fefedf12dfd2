import { Button, Card, Descriptions } from 'antd';
import { useNavigate } from 'react-router-dom';
import { roleLabel } from '../i18n/labels';
import { useSession } from '../session/session';

export function AccountPage() {
  const { user } = useSession();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <Card title="我的账号" style={{ maxWidth: 640 }}>
      <Descriptions column={1} bordered>
        <Descriptions.Item label="账号">{user.id}</Descriptions.Item>
        <Descriptions.Item label="姓名">{user.displayName}</Descriptions.Item>
        <Descriptions.Item label="角色">{roleLabel(user.role)}</Descriptions.Item>
      </Descriptions>
      <Button style={{ marginTop: 16 }} onClick={() => void navigate('/password')}>
        修改密码
      </Button>
    </Card>
  );
}
