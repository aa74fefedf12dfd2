import { Link } from 'react-router-dom';
import type { RoundListItem } from '../api/round-views';
import { channelLabel } from '../i18n/labels';
import { methodLabel, roundStatusLabel } from '../i18n/round-labels';

/**
 * The round list's columns, each 公告 linking to its round; `brief` keeps what names a round
 * (公告, 年度, 渠道, 状态), for a search's results.
 */
export function roundColumns({ brief = false }: { brief?: boolean } = {}) {
  const title = {
    title: '公告',
    dataIndex: 'title',
    render: (text: string, item: RoundListItem) => <Link to={`/rounds/${item.roundId}`}>{text}</Link>,
  };
  const year = { title: '年度', dataIndex: 'year' };
  const channel = { title: '渠道', dataIndex: 'channel', render: channelLabel };
  const status = { title: '状态', dataIndex: 'status', render: roundStatusLabel };
  if (brief) return [title, year, channel, status];
  return [
    title,
    year,
    channel,
    { title: '方式', dataIndex: 'method', render: methodLabel },
    status,
    { title: '职位数', dataIndex: 'postCount' },
    { title: '招录人数', dataIndex: 'places' },
    { title: '报名人数', dataIndex: 'applicants' },
    {
      title: '报录比',
      dataIndex: 'applicantsPerPlace',
      render: (ratio: number | null) => (ratio ? `${ratio}:1` : '—'),
    },
    { title: '进入体检', dataIndex: 'advanced' },
    { title: '已录用', dataIndex: 'hired' },
    { title: '递补', dataIndex: 'substitutions' },
    { title: '公告日期', dataIndex: 'announcedOn' },
  ];
}
