/** Chinese names of the api's ids, for every place a page would otherwise print an English id. */
const ROLE: Record<string, string> = {
  hr_officer: '经办人',
  approver: '审批人',
  auditor: '审计人员',
  admin: '系统管理员',
  api_client: '对接系统',
  system: '系统',
};

const STATUS: Record<string, string> = { open: '办理中', suspended: '暂停（异议）', closed: '已办结' };

const KIND: Record<string, string> = {
  recruitment: '招聘引进',
  expert_workstation: '专家工作站',
  returning_talent: '人才回引',
};

const CHANNEL: Record<string, string> = {
  civil_servant: '公务员招录',
  campus_teacher: '教师校园招聘',
  shortage_talent: '紧缺人才引进',
  high_level_talent: '高层次人才引进',
};

const WORKSTATION: Record<string, string> = {
  expert_workstation: '专家工作站',
  academician_workstation: '院士工作站',
  grassroots_research_workstation: '基层科研工作站',
};

const QUOTA: Record<string, string> = {
  high_level_talent: '高层次人才编制',
  shortage_talent: '紧缺型人才编制',
};

const EVENT: Record<string, string> = {
  CaseOpened: '立案',
  StageEntered: '进入环节',
  StageScheduled: '环节排期',
  StageOverdue: '环节超期',
  ActionTaken: '办理事项',
  NoticeCompleted: '公示期满',
  ObjectionRaised: '登记公示异议',
  ObjectionResolved: '处理公示异议',
  CaseClosed: '办结',
  QuotaReserved: '占用编制',
  QuotaUsed: '使用编制',
  QuotaReleased: '释放编制',
  QuotaRefused: '编制不足',
  SubsidyCommitted: '核定补贴',
  SubsidyInstalmentPaid: '发放补贴',
  SubsidyReleased: '释放补贴',
};

/** Values of the pipelines' enumerated fields; the schemas carry the ids only. */
const CHOICE: Record<string, string> = {
  pass: '通过',
  fail: '未通过',
  approved: '通过',
  rejected: '不通过',
  practical: '实操考核',
  performance_review: '业绩评议',
  skills_contest: '技能竞赛',
  workstation: '设立工作站',
  consultant: '聘为顾问',
  declined: '婉拒',
  township_party_branch: '乡镇党支部',
  office: '人社部门',
  referral: '他人推荐',
  willing: '有意向',
  undecided: '未决定',
  unwilling: '无意向',
  post: '安排岗位',
  business: '创业',
  project: '项目合作',
  settled: '已安定',
  continuing: '继续跟进',
  left: '已离开',
};

const named =
  (names: Record<string, string>, unknown: string) =>
  (id: string | null | undefined): string =>
    id ? (names[id] ?? unknown) : '—';

export const roleLabel = named(ROLE, '其他角色');
export const statusLabel = named(STATUS, '未知状态');
export const kindLabel = named(KIND, '其他类别');
export const channelLabel = named(CHANNEL, '其他渠道');
export const quotaLabel = named(QUOTA, '其他编制');
export const eventLabel = named(EVENT, '其他记录');
export const choiceLabel = named(CHOICE, '其他选项');

export const KIND_OPTIONS = Object.entries(KIND).map(([value, label]) => ({ value, label }));
export const CHANNEL_OPTIONS = Object.entries(CHANNEL).map(([value, label]) => ({ value, label }));
export const WORKSTATION_OPTIONS = Object.entries(WORKSTATION).map(([value, label]) => ({ value, label }));
export const ROLE_OPTIONS = ['hr_officer', 'approver', 'auditor', 'admin'].map((value) => ({
  value,
  label: ROLE[value]!,
}));
export const STATUS_OPTIONS = Object.entries(STATUS).map(([value, label]) => ({ value, label }));

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});
const DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });

export const dateTime = (iso: string | null | undefined): string => (iso ? DATE_TIME.format(new Date(iso)) : '—');
export const date = (iso: string | null | undefined): string => (iso ? DATE.format(new Date(iso)) : '—');

export const yuan = (amount: number): string => `${amount.toLocaleString('zh-CN')} 元`;
