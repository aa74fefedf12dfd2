import type { Pool } from 'pg';
import { DomainError } from '@talent/domain';
import { stagesFrom, UNRANKED } from './round-applicant-row';

/** The 名单 an office prints and files for a round, by their Chinese titles. */
export const ROUND_NAME_LISTS = {
  interview: '面试名单',
  physicalExam: '体检名单',
  inspection: '考察名单',
  proposedHires: '拟录用人员名单',
} as const;
export type RoundNameList = keyof typeof ROUND_NAME_LISTS;

const quoted = (stages: readonly string[]) => stages.map((stage) => `'${stage}'`).join(', ');

/** Who is on each list (`a`: the applicant row). */
const MEMBERSHIP: Record<RoundNameList, string> = {
  interview: 'a.shortlisted',
  // Everyone sent to 体检, 递补 included, even those who then failed it.
  physicalExam: 'a.advanced',
  inspection: `a.furthest_stage IN (${quoted(stagesFrom('inspection'))})`,
  // Reached 公示 and not failed since: 拟录用.
  proposedHires: `a.furthest_stage IN (${quoted(stagesFrom('publicNotice'))}) AND a.case_result IS DISTINCT FROM 'failure'`,
};

export interface NameListRow {
  postCode: string;
  unit: string;
  postTitle: string;
  name: string;
  gender: string;
  ticket: string;
  written: number | null;
  interview: number | null;
  assessment: number | null;
  composite: number | null;
  rank: number | null;
  /** Which 递补 of the post brought the candidate in; null when ranked in. */
  substituteNumber: number | null;
}

/** The rows of a round's 名单, in the order of the 职位表 and then of each post's ranking. */
export class RoundListsQuery {
  constructor(private readonly pool: Pool) {}

  async nameList(roundId: string, list: RoundNameList): Promise<NameListRow[]> {
    if (!Object.hasOwn(MEMBERSHIP, list)) {
      throw new DomainError(
        'INVALID_PAYLOAD',
        `list must be one of ${Object.keys(ROUND_NAME_LISTS).join(', ')}, not ${JSON.stringify(list)}`,
      );
    }
    const { rows } = await this.pool.query<NameListRow>(
      `SELECT a.post_code AS "postCode", p.unit, p.title AS "postTitle", a.name, a.gender, a.ticket, a.written,
              a.interview, a.assessment, a.composite, a.rank, a.substitute_number AS "substituteNumber"
       FROM round_applicants a JOIN round_posts p ON p.round_id = a.round_id AND p.post_code = a.post_code
       WHERE a.round_id = $1 AND ${MEMBERSHIP[list]}
       ORDER BY p.position, coalesce(a.rank, ${UNRANKED}), a.ticket`,
      [roundId],
    );
    return rows;
  }
}
