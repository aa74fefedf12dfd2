import { type ChannelRoundFigures, encodeFactsCursor, type StatisticFact } from '@talent/projections';

const lastFact: StatisticFact = {
  eventId: '5b0e4c1e-8a43-5f5e-9c1a-2f7d3e6b9a10',
  streamId: 'case-gwy-2023-0001',
  dimension: 'civil_servant',
  amount: 1,
  occurredAt: '2023-09-01T02:00:00.000Z',
  recordedAt: '2023-09-01T03:12:45.120Z',
};

/** GET /statistics/annual/:year/facts: one page, and the cursor that asks for the next. */
export const factsPageExample = { items: [lastFact], nextCursor: encodeFactsCursor(lastFact) };

/** GET /statistics/annual/:year: one channel's rounds of the year. */
export const roundsExample: ChannelRoundFigures = {
  rounds: 1,
  posts: 6,
  places: 32,
  applicants: 114,
  applicantsPerPlace: 3.56,
  hired: 32,
  substitutions: 4,
};
