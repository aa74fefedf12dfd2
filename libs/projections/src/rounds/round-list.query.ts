import type { Pool } from 'pg';
import type { RecruitmentChannel, RoundMethod, RoundTerms } from '@talent/domain';
import { decodeTimeCursor, encodeTimeCursor } from './round-cursor';
import { type CounterRow, perPlace } from './round-figures';

/** 已发布, 职位表已审定, 已结束. */
export type RoundStatus = 'announced' | 'approved' | 'closed';

/** A row of round_list, as pg returns it. */
export interface RoundRow extends CounterRow {
  round_id: string;
  division_code: string;
  year: number;
  channel: RecruitmentChannel;
  title: string;
  method: RoundMethod;
  status: RoundStatus;
  announced_on: string;
  terms: Omit<RoundTerms, 'posts'>;
  post_count: number;
  places_reserved: number;
  reservation_refused: string | null;
  announced_at: Date;
  recorded_at: Date;
  approved_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
}

export const ROUND_ROW_SELECT = `round_id, division_code, year, channel, title, method, status,
  to_char(announced_on, 'YYYY-MM-DD') AS announced_on, terms, post_count, places, places_reserved, reservation_refused,
  applicants, reviewed, qualified, written_present, interview_present, assessment_present, shortlisted, scored, ranked,
  ties_pending, advanced, physical_exam_passed, physical_exam_failed, inspection_passed, inspection_failed, in_progress,
  hired, dropped_out, substitutions, unfilled, announced_at, recorded_at, approved_at, closed_at, updated_at`;

export interface RoundListItem {
  roundId: string;
  divisionCode: string;
  year: number;
  channel: RecruitmentChannel;
  title: string;
  method: RoundMethod;
  status: RoundStatus;
  /** 公告 date, YYYY-MM-DD. */
  announcedOn: string;
  postCount: number;
  places: number;
  applicants: number;
  qualified: number;
  advanced: number;
  hired: number;
  substitutions: number;
  /** 报录比: applicants per place. */
  applicantsPerPlace: number | null;
  announcedAt: string;
  recordedAt: string;
}

export interface RoundListFilters {
  year?: number;
  channel?: RecruitmentChannel;
  status?: RoundStatus;
  divisionCode?: string;
  /** Part of the round's 公告 title or of its id, as a person types it into a search box. */
  text?: string;
  limit: number;
  /** nextCursor of the previous page. */
  cursor?: string;
}

export function roundItemOf(row: RoundRow): RoundListItem {
  return {
    roundId: row.round_id,
    divisionCode: row.division_code,
    year: row.year,
    channel: row.channel,
    title: row.title,
    method: row.method,
    status: row.status,
    announcedOn: row.announced_on,
    postCount: row.post_count,
    places: row.places,
    applicants: row.applicants,
    qualified: row.qualified,
    advanced: row.advanced,
    hired: row.hired,
    substitutions: row.substitutions,
    applicantsPerPlace: perPlace(row.applicants, row.places),
    announcedAt: row.announced_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** The rounds behind GET /rounds, newest announcement first, keyset-paginated. */
export class RoundListQuery {
  constructor(private readonly pool: Pool) {}

  async page(filters: RoundListFilters): Promise<{ items: RoundListItem[]; nextCursor: string | null }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    where('year', filters.year);
    where('channel', filters.channel);
    where('status', filters.status);
    where('division_code', filters.divisionCode);
    if (filters.text !== undefined) {
      params.push(filters.text);
      conditions.push(`(strpos(title, $${params.length}) > 0 OR strpos(round_id, $${params.length}) > 0)`);
    }
    if (filters.cursor !== undefined) {
      const [at, roundId] = decodeTimeCursor(filters.cursor);
      params.push(at, roundId);
      conditions.push(`(announced_at, round_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(filters.limit + 1);
    const { rows } = await this.pool.query<RoundRow>(
      `SELECT ${ROUND_ROW_SELECT} FROM round_list ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY announced_at DESC, round_id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, filters.limit);
    const last = page.at(-1);
    return {
      items: page.map(roundItemOf),
      nextCursor: rows.length > filters.limit && last ? encodeTimeCursor(last.announced_at, last.round_id) : null,
    };
  }
}
