/**
 * The rules the api names by code, in the words the office uses. The api's own sentences are
 * English for integrators; a person reads these.
 */
export const REFUSAL_SENTENCES: Record<string, string> = {
  ROLE_NOT_ALLOWED: '您的角色不能办理此事项。',
  APPROVER_IS_SUBMITTER: '您提交了本案的审批，不能审批本案，须由其他审批人审批（四眼原则）。',
  APPROVER_WORKED_CASE: '您此前办理过本案，不能审批本案，须由未经手的审批人审批（四眼原则）。',
  OBJECTION_RAISED_BY_CALLER: '异议由您登记，不能由您处理。',
  CASE_KIND_NOT_GRANTED: '您的账号未获准办理此类案件。',
  CASE_NOT_OPEN: '案件已办结，不能再办理。',
  CASE_SUSPENDED: '案件因公示异议暂停，异议处理后方可继续。',
  STAGE_DOES_NOT_ACCEPT_ACTION: '当前环节不受理此事项。',
  NO_NOTICE_RUNNING: '当前不在公示期。',
  NO_OBJECTION_OPEN: '没有待处理的公示异议。',
  OBJECTION_ALREADY_OPEN: '已有待处理的公示异议。',
  OUTSIDE_NOTICE_PERIOD: '公示期外不能登记异议。',
  NOTICE_ENDS_BY_ITSELF: '公示期满后系统自动结束公示，无需确认。',
  NOTICE_NOT_OVER: '公示期未满（不少于5个工作日）。',
  QUOTA_EXHAUSTED: '本年度编制名额已用完。',
  FUND_EXHAUSTED: '本年度人才资金已用完。',
  OUTCOME_NOT_ALLOWED: '所选结果不适用于此事项。',
  INVALID_PAYLOAD: '填写的内容不符合要求。',
  OCCURRED_IN_FUTURE: '发生时间不能晚于现在。',
  BACKDATED_TOO_FAR: '补录时间超出允许范围。',
  OCCURRED_BEFORE_LAST_FACT: '发生时间不能早于本案上一项记录。',
  REASON_REQUIRED: '此事项须填写理由。',
  ACTION_TOO_EARLY: '尚未到可办理此事项的时间。',
  ACTION_TOO_LATE: '已超过办理此事项的期限。',
  ACTION_OUT_OF_ORDER: '须先办理本环节的前序事项。',
  PASSWORD_CHANGE_REQUIRED: '请先修改初始密码。',
  UNSTORABLE_INPUT: '内容含有无法保存的字符。',
};
