import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/views';
import { roleLabel } from '../i18n/labels';
import { useSession } from '../session/session';

/** What each role works on; admins do not read cases, they keep the accounts and the year's plan. */
const MENU: Record<Role, { key: string; label: string }[]> = {
  hr_officer: [
    { key: '/home', label: '我的待办' },
    { key: '/cases', label: '案件办理' },
    { key: '/rounds', label: '招录批次' },
  ],
  approver: [
    { key: '/home', label: '待我审批' },
    { key: '/cases', label: '全部案件' },
    { key: '/rounds', label: '招录批次' },
  ],
  auditor: [
    { key: '/home', label: '查询与核验' },
    { key: '/cases', label: '全部案件' },
    { key: '/rounds', label: '招录批次' },
  ],
  admin: [
    { key: '/admin/users', label: '用户管理' },
    { key: '/admin/clients', label: '对接系统' },
    { key: '/admin/plan', label: '年度计划' },
  ],
};

export function ConsoleLayout() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (!user) return null;
  // Every role reads the office's published figures (the api's FIGURE_READERS).
  const items = [...MENU[user.role], { key: '/statistics', label: '统计分析' }, { key: '/account', label: '我的账号' }];
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          人才工作办理平台
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => void navigate(key)}
          style={{ flex: 1 }}
        />
        <Space style={{ color: '#fff' }}>
          <span>
            {user.displayName}（{roleLabel(user.role)}）
          </span>
          <Button size="small" onClick={signOut}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
