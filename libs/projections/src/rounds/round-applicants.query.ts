import type { Pool } from 'pg';
import {
  APPLICANT_COLUMNS,
  type ApplicantRow,
  type Qualification,
  RANK_KEY_SQL,
  UNRANKED,
} from './round-applicant-row';
import { decodeRankCursor, encodeRankCursor } from './round-cursor';

export interface RoundApplicantItem {
  ticket: string;
  postCode: string;
  name: string;
  gender: string;
  ethnicity: string | null;
  birthMonth: string | null;
  politicalStatus: string | null;
  education: string | null;
  degree: string | null;
  school: string | null;
  major: string | null;
  professionalTitle: string | null;
  qualification: Qualification;
  qualificationReason: string | null;
  /** A score is null when not recorded yet or when absent (缺考, then `…Absent` is true). */
  written: number | null;
  writtenAbsent: boolean;
  interview: number | null;
  interviewAbsent: boolean;
  assessment: number | null;
  assessmentAbsent: boolean;
  shortlisted: boolean;
  /** 综合成绩. */
  composite: number | null;
  rank: number | null;
  tiePending: boolean;
  advanced: boolean;
  /** Which 递补 of the post brought the candidate in; null when ranked in. */
  substituteNumber: number | null;
  /** Dropped out and replaced by a 递补. */
  replaced: boolean;
  caseId: string | null;
  caseStage: string | null;
  furthestStage: string | null;
  caseOutcome: string | null;
  caseResult: string | null;
  registeredAt: string;
}

export interface RoundApplicantFilters {
  postCode?: string;
  qualification?: Qualification;
  shortlisted?: boolean;
  ranked?: boolean;
  limit: number;
  /** nextCursor of the previous page. */
  cursor?: string;
}

export function applicantItemOf(row: ApplicantRow): RoundApplicantItem {
  return {
    ticket: row.ticket,
    postCode: row.post_code,
    name: row.name,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthMonth: row.birth_month,
    politicalStatus: row.political_status,
    education: row.education,
    degree: row.degree,
    school: row.school,
    major: row.major,
    professionalTitle: row.professional_title,
    qualification: row.qualification,
    qualificationReason: row.qualification_reason,
    written: row.written,
    writtenAbsent: row.written_absent,
    interview: row.interview,
    interviewAbsent: row.interview_absent,
    assessment: row.assessment,
    assessmentAbsent: row.assessment_absent,
    shortlisted: row.shortlisted,
    composite: row.composite,
    rank: row.rank,
    tiePending: row.tie_pending,
    advanced: row.advanced,
    substituteNumber: row.substitute_number,
    replaced: row.replaced,
    caseId: row.case_id,
    caseStage: row.case_stage,
    furthestStage: row.furthest_stage,
    caseOutcome: row.case_outcome,
    caseResult: row.case_result,
    registeredAt: row.registered_at.toISOString(),
  };
}

const SELECT = APPLICANT_COLUMNS.join(', ');
const ORDER = `post_code, ${RANK_KEY_SQL}, ticket`;

/** A round's roster, in the order of its rankings: by post, then rank (unranked last), then 准考证号. */
export class RoundApplicantsQuery {
  constructor(private readonly pool: Pool) {}

  async page(
    roundId: string,
    filters: RoundApplicantFilters,
  ): Promise<{ items: RoundApplicantItem[]; nextCursor: string | null }> {
    const params: unknown[] = [roundId];
    const conditions = ['round_id = $1'];
    const where = (condition: (param: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    where((param) => `post_code = ${param}`, filters.postCode);
    where((param) => `qualification = ${param}`, filters.qualification);
    where((param) => `shortlisted = ${param}`, filters.shortlisted);
    where((param) => `(rank IS NOT NULL) = ${param}`, filters.ranked);
    if (filters.cursor !== undefined) {
      const [postCode, rankKey, ticket] = decodeRankCursor(filters.cursor);
      params.push(postCode, rankKey, ticket);
      const [a, b, c] = [params.length - 2, params.length - 1, params.length];
      conditions.push(`(post_code, ${RANK_KEY_SQL}, ticket) > ($${a}, $${b}::int, $${c})`);
    }
    params.push(filters.limit + 1);
    const { rows } = await this.pool.query<ApplicantRow>(
      `SELECT ${SELECT} FROM round_applicants WHERE ${conditions.join(' AND ')}
       ORDER BY ${ORDER} LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filters.limit);
    const last = page.at(-1);
    return {
      items: page.map(applicantItemOf),
      nextCursor:
        rows.length > filters.limit && last
          ? encodeRankCursor(last.post_code, last.rank ?? UNRANKED, last.ticket)
          : null,
    };
  }

  /**
   * Every post's ranking as it stands, in one query (a round may have hundreds of posts): the
   * ranked applicants, best first; tied ones share a rank.
   */
  async rankingsOf(roundId: string): Promise<Map<string, RoundApplicantItem[]>> {
    const { rows } = await this.pool.query<ApplicantRow>(
      `SELECT ${SELECT} FROM round_applicants WHERE round_id = $1 AND rank IS NOT NULL ORDER BY ${ORDER}`,
      [roundId],
    );
    const rankings = new Map<string, RoundApplicantItem[]>();
    for (const row of rows) {
      const ranking = rankings.get(row.post_code) ?? [];
      ranking.push(applicantItemOf(row));
      rankings.set(row.post_code, ranking);
    }
    return rankings;
  }
}
