/** The closed set of rule violations; the api maps each to one HTTP status in one place. */
export const DOMAIN_ERROR_CODES = [
  'CASE_NOT_OPEN',
  'CASE_ALREADY_OPENED',
  'CASE_SUSPENDED',
  'STAGE_DOES_NOT_ACCEPT_ACTION',
  'ROLE_NOT_ALLOWED',
  'CASE_KIND_NOT_GRANTED',
  'APPROVER_IS_SUBMITTER',
  'APPROVER_WORKED_CASE',
  'OBJECTION_RAISED_BY_CALLER',
  'COMMAND_NOT_SIGNED',
  'OUTCOME_NOT_ALLOWED',
  'NO_NOTICE_RUNNING',
  'NO_OBJECTION_OPEN',
  'OBJECTION_ALREADY_OPEN',
  'OUTSIDE_NOTICE_PERIOD',
  'NOTICE_ENDS_BY_ITSELF',
  'NOTICE_NOT_OVER',
  'INVALID_PAYLOAD',
  'OCCURRED_IN_FUTURE',
  'BACKDATED_TOO_FAR',
  'OCCURRED_BEFORE_LAST_FACT',
  'UNSTORABLE_INPUT',
  'QUOTA_EXHAUSTED',
  'FUND_EXHAUSTED',
  'NOTHING_TO_RELEASE',
  'PLAN_ALREADY_EXISTS',
  'PIPELINE_NOT_FOUND',
  'ROUND_ALREADY_ANNOUNCED',
  'ROUND_NOT_ANNOUNCED',
  'ROUND_CLOSED',
  'INVALID_ROUND_TERMS',
  'ROUND_STEP_OUT_OF_ORDER',
  'POST_NOT_FOUND',
  'APPLICANT_NOT_FOUND',
  'TICKET_TAKEN',
  'PERSON_ALREADY_REGISTERED',
  'APPLICANT_NOT_ELIGIBLE',
  'INVALID_SCORE',
  'SCORES_FINAL',
  'REASON_REQUIRED',
  'TIE_UNRESOLVED',
  'NO_SUCH_TIE',
  'CANDIDATE_ALREADY_ADVANCED',
  'NOT_A_DROPOUT',
  'NO_SUBSTITUTE_LEFT',
  'SUBSTITUTION_LIMIT_REACHED',
  'SUBSTITUTION_CLOSED',
  'ROUND_ENTRY_NOT_DEFINED',
  'ACTION_TOO_EARLY',
  'ACTION_TOO_LATE',
  'ACTION_OUT_OF_ORDER',
  'IMPORT_NOT_FOUND',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** A broken business rule, with a sentence an officer can read. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (DOMAIN_ERROR_CODES as readonly string[]).includes(value);
}
