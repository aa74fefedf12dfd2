/** Chinese names of the rounds api's ids. */
const ROUND_STATUS: Record<string, string> = { announced: '待审定职位表', approved: '进行中', closed: '已结束' };
const METHOD: Record<string, string> = { exam: '笔试＋面试', assessment: '直接考核' };
const QUALIFICATION: Record<string, string> = { pending: '待审查', pass: '通过', fail: '不通过' };
const TIE_RULE: Record<string, string> = { higher_written: '笔试成绩高者在前', higher_interview: '面试成绩高者在前' };
const SUBSTITUTION_STAGE: Record<string, string> = {
  physicalExam: '体检',
  inspection: '考察',
  publicNotice: '公示',
  approval: '审批',
};

const named =
  (names: Record<string, string>, unknown: string) =>
  (id: string | null | undefined): string =>
    id ? (names[id] ?? unknown) : '—';

export const roundStatusLabel = named(ROUND_STATUS, '未知状态');
export const methodLabel = named(METHOD, '其他方式');
export const qualificationLabel = named(QUALIFICATION, '未知');
export const tieRuleLabel = named(TIE_RULE, '其他规则');
export const substitutionStageLabel = named(SUBSTITUTION_STAGE, '其他环节');

const options = (names: Record<string, string>) => Object.entries(names).map(([value, label]) => ({ value, label }));
export const ROUND_STATUS_OPTIONS = options(ROUND_STATUS);
export const METHOD_OPTIONS = options(METHOD);
export const TIE_RULE_OPTIONS = options(TIE_RULE);
export const SUBSTITUTION_STAGE_OPTIONS = options(SUBSTITUTION_STAGE);

/** The 名单 the api prints, by the path segment of GET /rounds/:id/exports/{list}.xlsx. */
export const NAME_LISTS = [
  { list: 'interview', label: '面试名单' },
  { list: 'physicalExam', label: '体检名单' },
  { list: 'inspection', label: '考察名单' },
  { list: 'proposedHires', label: '拟录用人员名单' },
] as const;

/** A score as a 名单 prints it: 缺考 when absent, — when not recorded yet. */
export const score = (value: number | null, absent: boolean): string =>
  absent ? '缺考' : value === null ? '—' : String(value);

export const percent = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
