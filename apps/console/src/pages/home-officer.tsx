import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import type { RoundList } from '../api/round-views';
import { CaseTable } from '../components/case-table';
import { QueryFailure } from '../components/query-failure';

const OFFICE_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/**
 * Monday 00:00 after today in the office's time (UTC+8, whatever the browser's zone): what falls
 * due this week.
 */
function endOfWeek(): string {
  const today = new Date(`${OFFICE_DATE.format(new Date())}T00:00:00Z`);
  const monday = new Date(today.getTime() + ((8 - today.getUTCDay()) % 7 || 7) * 86_400_000);
  return `${monday.toISOString().slice(0, 10)}T00:00:00+08:00`;
}

/** The officer's day: their overdue cases first, then what falls due this week, then the rounds under way. */
export function OfficerHome() {
  const navigate = useNavigate();
  return (
    <Card
      title="我的待办"
      extra={
        <Button type="primary" onClick={() => void navigate('/cases/new')}>
          新建案件
        </Button>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <CaseTable
          title="已超期"
          filters={{ mine: true, overdue: true, status: 'open', limit: 50 }}
          empty="没有超期的案件"
        />
        <CaseTable
          title="本周到期"
          filters={{ mine: true, overdue: false, status: 'open', dueBefore: endOfWeek(), limit: 50 }}
          empty="本周没有到期的案件"
        />
        <CaseTable
          title="暂停中（公示异议）"
          filters={{ mine: true, status: 'suspended', limit: 50 }}
          empty="没有暂停的案件"
        />
        <OpenRounds />
      </Space>
    </Card>
  );
}

function OpenRounds() {
  const rounds = useQuery({
    queryKey: ['rounds', { status: 'approved' }],
    queryFn: () => call<RoundList>(() => api.GET('/rounds', { params: { query: { status: 'approved', limit: 20 } } })),
  });
  if (rounds.isError) return <QueryFailure error={rounds.error} retry={() => void rounds.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        进行中的招录批次
      </Typography.Title>
      <List
        size="small"
        bordered
        loading={rounds.isPending}
        dataSource={rounds.data?.items ?? []}
        locale={{ emptyText: '没有进行中的招录批次' }}
        renderItem={(round) => (
          <List.Item extra={`报名${round.applicants}人，已进入体检${round.advanced}人`}>
            <Link to={`/rounds/${round.roundId}`}>{round.title}</Link>
          </List.Item>
        )}
      />
    </Space>
  );
}
