import { Button, Card, Space } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { CaseTable } from '../components/case-table';

/** Monday 00:00 after today, in the browser's (the office's) time: what falls due this week. */
function endOfWeek(): string {
  const today = dayjs().startOf('day');
  return today.add((8 - today.day()) % 7 || 7, 'day').format();
}

/** The officer's day: overdue cases first, then what falls due before the week ends. */
export function OfficerHome() {
  const navigate = useNavigate();
  return (
    <Card
      title="我的待办"
      extra={
        <Space>
          <Button onClick={() => void navigate('/rounds')}>招录批次</Button>
          <Button type="primary" onClick={() => void navigate('/cases/new')}>
            新建案件
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <CaseTable title="已超期" filters={{ overdue: true, status: 'open', limit: 50 }} empty="没有超期的案件" />
        <CaseTable
          title="本周到期"
          filters={{ overdue: false, status: 'open', dueBefore: endOfWeek(), limit: 50 }}
          empty="本周没有到期的案件"
        />
        <CaseTable title="暂停中（公示异议）" filters={{ status: 'suspended', limit: 50 }} empty="没有暂停的案件" />
      </Space>
    </Card>
  );
}
