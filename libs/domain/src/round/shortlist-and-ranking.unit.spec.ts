import { compositeScore, drawShortlist, rankPost, type RankingRules } from './shortlist-and-ranking';

const written = (scores: Record<string, number | null>) =>
  Object.entries(scores).map(([ticket, score]) => ({ ticket, written: score }));

describe('the 面试名单 (shortlist) of a post', () => {
  it('takes places × ratio by written score, and everyone tied with the last one taken', () => {
    const applicants = written({ a: 80, b: 75, c: 70, d: 70, e: 70, f: 65 });
    expect(drawShortlist(applicants, 1, 3, 60)).toEqual({ tickets: ['a', 'b', 'c', 'd', 'e'], cutoff: 70 });
  });

  it('takes all who qualify when a post has fewer applicants than places × ratio, or more places than applicants', () => {
    expect(drawShortlist(written({ a: 61, b: 90 }), 2, 3, 60)).toEqual({ tickets: ['b', 'a'], cutoff: 61 });
    expect(drawShortlist(written({ a: 61, b: 90 }), 5, 1, 60)).toEqual({ tickets: ['b', 'a'], cutoff: 61 });
  });

  it('leaves out the absent (缺考) and those below the pass mark', () => {
    expect(drawShortlist(written({ a: 59.5, b: null, c: 60 }), 1, 3, 60)).toEqual({ tickets: ['c'], cutoff: 60 });
    expect(drawShortlist(written({ a: 59.5, b: null }), 1, 3, 60)).toEqual({ tickets: [], cutoff: null });
  });

  it('rounds a fractional ratio up rather than squeezing anyone out', () => {
    expect(drawShortlist(written({ a: 90, b: 80, c: 70, d: 65 }), 2, 1.5, 60).tickets).toEqual(['a', 'b', 'c']);
  });
});

describe('the ranking of a post', () => {
  const exam: RankingRules = {
    method: 'exam',
    weights: { written: 60, interview: 40 },
    passMarks: { written: 60, interview: 60 },
    tieRules: ['higher_written', 'higher_interview'],
    places: 2,
  };

  it('weighs 综合成绩 and rounds it to two decimals as offices publish it', () => {
    expect(compositeScore(78.35, 81.5, { written: 50, interview: 50 })).toBe(79.93);
    expect(compositeScore(80, 70, { written: 60, interview: 40 })).toBe(76);
  });

  it('orders by 综合成绩, then by the tie rules in turn, and leaves out the absent and those below a mark', () => {
    const { ranking, unresolvedTies } = rankPost(
      [
        { ticket: 'a', written: 70, interview: 85 }, // 76
        { ticket: 'b', written: 80, interview: 70 }, // 76, higher written
        { ticket: 'c', written: 90, interview: 90 }, // 90
        { ticket: 'd', written: 95, interview: null },
        { ticket: 'e', written: 90, interview: 55 },
      ],
      exam,
    );
    expect(ranking.map(({ ticket, composite, rank }) => [ticket, composite, rank])).toEqual([
      ['c', 90, 1],
      ['b', 76, 2],
      ['a', 76, 3],
    ]);
    expect(unresolvedTies).toEqual([]);
  });

  it('lets applicants still tied share a rank, and shows the ties that reach into the places', () => {
    const { ranking, unresolvedTies } = rankPost(
      [
        { ticket: 'a', written: 80, interview: 70 },
        { ticket: 'b', written: 80, interview: 70 },
        { ticket: 'c', written: 90, interview: 90 },
        { ticket: 'd', written: 70, interview: 65 },
        { ticket: 'e', written: 70, interview: 65 },
      ],
      exam,
    );
    expect(ranking.map(({ ticket, rank }) => [ticket, rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
      ['e', 4],
    ]);
    // d and e tie wholly below the two places: nothing to decide.
    expect(unresolvedTies).toEqual([['a', 'b']]);
  });

  it('ranks a 直接考核 post by its 考核 score alone', () => {
    const { ranking } = rankPost(
      [
        { ticket: 'a', assessment: 88.456 },
        { ticket: 'b', assessment: 59 },
        { ticket: 'c', assessment: 91 },
      ],
      { method: 'assessment', passMarks: { assessment: 60 }, tieRules: [], places: 1 },
    );
    expect(ranking).toEqual([
      { ticket: 'c', assessment: 91, composite: 91, rank: 1 },
      { ticket: 'a', assessment: 88.456, composite: 88.46, rank: 2 },
    ]);
  });
});
