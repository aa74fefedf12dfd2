/**
 * The candidate stages a round's candidates go through after the ranking, in order. A stage not
 * listed (a 体检复检, a payment) does not move a candidate on; one further down the list means every
 * stage before it was passed.
 */
export const CANDIDATE_STAGES = [
  'physicalExam',
  'inspection',
  'publicNotice',
  'approval',
  'filing',
  'establishment',
  'onboarding',
  'settlingIn',
  'probation',
  'servicePeriod',
] as const;
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

/** The candidate stages from `stage` on: a case whose furthest stage is one of them has reached `stage`. */
export const stagesFrom = (stage: CandidateStage): readonly CandidateStage[] =>
  CANDIDATE_STAGES.slice(CANDIDATE_STAGES.indexOf(stage));

export const isCandidateStage = (stage: unknown): stage is CandidateStage =>
  (CANDIDATE_STAGES as readonly unknown[]).includes(stage);

/** 资格审查: not yet reviewed, passed, failed. */
export type Qualification = 'pending' | 'pass' | 'fail';

/** A row of round_applicants, as pg returns it. */
export interface ApplicantRow {
  round_id: string;
  ticket: string;
  post_code: string;
  name: string;
  gender: string;
  ethnicity: string | null;
  birth_month: string | null;
  political_status: string | null;
  education: string | null;
  degree: string | null;
  school: string | null;
  major: string | null;
  professional_title: string | null;
  qualification: Qualification;
  qualification_reason: string | null;
  written: number | null;
  written_absent: boolean;
  interview: number | null;
  interview_absent: boolean;
  assessment: number | null;
  assessment_absent: boolean;
  shortlisted: boolean;
  composite: number | null;
  rank: number | null;
  tie_pending: boolean;
  /** 进入体检, by the ranking or by a 递补. */
  advanced: boolean;
  /** Which 递补 of the post brought this candidate in (1 for the first); null when ranked in. */
  substitute_number: number | null;
  /** Dropped out and replaced by a 递补. */
  replaced: boolean;
  case_id: string | null;
  case_stage: string | null;
  furthest_stage: CandidateStage | null;
  case_outcome: string | null;
  case_result: string | null;
  registered_at: Date;
  updated_at: Date;
}

export const APPLICANT_SQL_TYPES: Record<keyof ApplicantRow, string> = {
  round_id: 'text',
  ticket: 'text',
  post_code: 'text',
  name: 'text',
  gender: 'text',
  ethnicity: 'text',
  birth_month: 'text',
  political_status: 'text',
  education: 'text',
  degree: 'text',
  school: 'text',
  major: 'text',
  professional_title: 'text',
  qualification: 'text',
  qualification_reason: 'text',
  written: 'float8',
  written_absent: 'boolean',
  interview: 'float8',
  interview_absent: 'boolean',
  assessment: 'float8',
  assessment_absent: 'boolean',
  shortlisted: 'boolean',
  composite: 'float8',
  rank: 'int',
  tie_pending: 'boolean',
  advanced: 'boolean',
  substitute_number: 'int',
  replaced: 'boolean',
  case_id: 'text',
  case_stage: 'text',
  furthest_stage: 'text',
  case_outcome: 'text',
  case_result: 'text',
  registered_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const APPLICANT_COLUMNS = Object.keys(APPLICANT_SQL_TYPES) as Array<keyof ApplicantRow>;

/** What sorts unranked applicants after the ranked ones; the ranking index is built on it. */
export const UNRANKED = 2147483647;
export const RANK_KEY_SQL = `coalesce(rank, ${UNRANKED})`;
