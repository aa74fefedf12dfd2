import type { Pool } from 'pg';
import { annualStatistics, type AnnualStatistics, RoundFiguresQuery, type YearRoundFigures } from '@talent/projections';

/** The year's figures as the statistics and the report publish them: the counted facts and the year's rounds. */
export interface AnnualFigures extends AnnualStatistics {
  /**
   * The year's recruitment rounds (招录批次) by channel: rounds, posts, places, applicants, 报录比,
   * hired, 递补. Null for an `asOf` answer: the round read models keep where each round stands
   * now, not what had been recorded by a past date.
   */
  rounds: YearRoundFigures | null;
}

export async function annualFigures(
  pool: Pool,
  year: number,
  options: { asOf?: Date; divisionCode: string },
): Promise<AnnualFigures> {
  const [statistics, rounds] = await Promise.all([
    annualStatistics(pool, year, options),
    options.asOf ? null : new RoundFiguresQuery(pool).ofYear(year, { divisionCode: options.divisionCode }),
  ]);
  return { ...statistics, rounds };
}
