import { Alert, Descriptions, Space } from 'antd';
import type { CaseView } from '../api/views';
import { date, dateTime, quotaLabel, roleLabel, yuan } from '../i18n/labels';

const QUOTA_STATUS: Record<string, string> = { reserved: '已占用', used: '已使用', released: '已释放' };
const person = (actor: { id: string; role: string }) => `${actor.id}（${roleLabel(actor.role)}）`;

/** What the case holds beyond its stage: the 公示 countdown, an objection, its 编制 and its 补贴. */
export function CaseFacts({ view }: { view: CaseView }) {
  const { state, notice } = view;
  const items = [
    notice && {
      key: 'notice',
      label: '公示倒计时',
      children: `尚余 ${notice.daysLeft} ${notice.counted === 'working_days' ? '个工作日' : '天'}（${date(notice.endsAt)} 零时截止）`,
    },
    view.stage.kind === 'approval' &&
      state.stageSubmittedBy && { key: 'submitter', label: '提交审批人', children: person(state.stageSubmittedBy) },
    state.quota && {
      key: 'quota',
      label: '编制',
      children: `${quotaLabel(state.quota.category)}：${QUOTA_STATUS[state.quota.status] ?? '—'}`,
    },
    state.subsidy && {
      key: 'subsidy',
      label: '补贴',
      children:
        `核定 ${yuan(state.subsidy.committedCny)}，已发放 ${yuan(state.subsidy.paidCny)}` +
        `（${state.subsidy.instalmentsPaid}/${state.subsidy.instalments} 期）` +
        (state.subsidy.clawedBackCny ? `，已退还 ${yuan(state.subsidy.clawedBackCny)}` : ''),
    },
  ].filter((item) => !!item);
  if (items.length === 0 && !state.objection) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {state.objection && (
        <Alert
          type="warning"
          showIcon
          title="公示期间收到异议，案件暂停办理"
          description={`异议内容：${state.objection.grounds}；${person(state.objection.raisedBy)}于${dateTime(state.objection.raisedAt)}登记。`}
        />
      )}
      {items.length > 0 && <Descriptions bordered size="small" column={2} items={items} />}
    </Space>
  );
}
