import type { Pool } from 'pg';
import { RECRUITMENT_CHANNELS, type RecruitmentChannel } from '@talent/domain';
import { perPlace } from './round-figures';

export interface ChannelRoundFigures {
  rounds: number;
  posts: number;
  places: number;
  applicants: number;
  /** 报录比: applicants per place; null without places. */
  applicantsPerPlace: number | null;
  hired: number;
  /** 递补. */
  substitutions: number;
}

export interface YearRoundFigures {
  year: number;
  /** Every channel listed, zero where the year had no round: a report shows 0, not a gap. */
  byChannel: Record<RecruitmentChannel, ChannelRoundFigures>;
  total: ChannelRoundFigures;
}

type Totals = Omit<ChannelRoundFigures, 'applicantsPerPlace'>;

const NONE: Totals = { rounds: 0, posts: 0, places: 0, applicants: 0, hired: 0, substitutions: 0 };
const withRatio = (totals: Totals): ChannelRoundFigures => ({
  ...totals,
  applicantsPerPlace: perPlace(totals.applicants, totals.places),
});

/** A year's rounds in figures, per channel, for the annual report (rounds of the year they were announced for). */
export class RoundFiguresQuery {
  constructor(private readonly pool: Pool) {}

  async ofYear(year: number, options: { divisionCode?: string } = {}): Promise<YearRoundFigures> {
    const { rows } = await this.pool.query<Totals & { channel: RecruitmentChannel }>(
      `SELECT channel, count(*)::int AS rounds, sum(post_count)::int AS posts, sum(places)::int AS places,
              sum(applicants)::int AS applicants, sum(hired)::int AS hired, sum(substitutions)::int AS substitutions
       FROM round_list WHERE year = $1 AND ($2::text IS NULL OR division_code = $2)
       GROUP BY channel`,
      [year, options.divisionCode ?? null],
    );
    const found = new Map(rows.map(({ channel, ...totals }) => [channel, totals]));
    const byChannel = Object.fromEntries(
      RECRUITMENT_CHANNELS.map((channel) => [channel, withRatio(found.get(channel) ?? NONE)]),
    ) as Record<RecruitmentChannel, ChannelRoundFigures>;
    const total = [...found.values()].reduce<Totals>(
      (sum, totals) => ({
        rounds: sum.rounds + totals.rounds,
        posts: sum.posts + totals.posts,
        places: sum.places + totals.places,
        applicants: sum.applicants + totals.applicants,
        hired: sum.hired + totals.hired,
        substitutions: sum.substitutions + totals.substitutions,
      }),
      NONE,
    );
    return { year, byChannel, total: withRatio(total) };
  }
}
