import type { Pool } from 'pg';
import type { RoundTerms } from '@talent/domain';
import { type CounterRow, countsOf, figuresOf, type RoundCounts, type RoundFigures } from './round-figures';
import { ROUND_ROW_SELECT, roundItemOf, type RoundListItem, type RoundRow } from './round-list.query';
import { POST_COUNTERS } from './round-tables';

/** A row of round_posts, as pg returns it. */
export interface RoundPostRow extends CounterRow {
  round_id: string;
  post_code: string;
  position: number;
  unit: string;
  title: string;
  conditions: string | null;
  cutoff: number | null;
}

export interface RoundPostDetail {
  postCode: string;
  unit: string;
  title: string;
  places: number;
  conditions: string | null;
  /** The 面试 cut-off score of the shortlist, once drawn. */
  cutoff: number | null;
  counts: RoundCounts;
  figures: RoundFigures;
}

export interface RoundDetail {
  round: RoundListItem & {
    terms: Omit<RoundTerms, 'posts'>;
    /** Introduced-talent rounds: places held from the year's 编制储备, or why the plan refused them. */
    placesReserved: number;
    reservationRefused: string | null;
    approvedAt: string | null;
    closedAt: string | null;
    updatedAt: string;
  };
  counts: RoundCounts;
  figures: RoundFigures;
  /** In the order of the announced 职位表. */
  posts: RoundPostDetail[];
}

const POST_SELECT = `round_id, post_code, position, unit, title, places, conditions, cutoff, unfilled,
  ${Object.keys(POST_COUNTERS).join(', ')}`;

/** One round behind GET /rounds/:id: its terms, counts and figures, overall and per post. */
export class RoundDetailQuery {
  constructor(private readonly pool: Pool) {}

  async get(roundId: string): Promise<RoundDetail | undefined> {
    const [round, posts] = await Promise.all([
      this.pool.query<RoundRow>(`SELECT ${ROUND_ROW_SELECT} FROM round_list WHERE round_id = $1`, [roundId]),
      this.pool.query<RoundPostRow>(`SELECT ${POST_SELECT} FROM round_posts WHERE round_id = $1 ORDER BY position`, [
        roundId,
      ]),
    ]);
    const row = round.rows[0];
    if (!row) return undefined;
    return {
      round: {
        ...roundItemOf(row),
        terms: row.terms,
        placesReserved: row.places_reserved,
        reservationRefused: row.reservation_refused,
        approvedAt: row.approved_at?.toISOString() ?? null,
        closedAt: row.closed_at?.toISOString() ?? null,
        updatedAt: row.updated_at.toISOString(),
      },
      counts: countsOf(row),
      figures: figuresOf(row),
      posts: posts.rows.map((post) => ({
        postCode: post.post_code,
        unit: post.unit,
        title: post.title,
        places: post.places,
        conditions: post.conditions,
        cutoff: post.cutoff,
        counts: countsOf(post),
        figures: figuresOf(post),
      })),
    };
  }
}
