import { assessmentTermsOf, post, termsOf } from './round.factory';
import { placeHoldersOf, roundQuotaCategory, roundTermsProblems } from './round-terms';

describe('the terms of a round (公告)', () => {
  it('accept an exam round and a 直接考核 round as announced', () => {
    expect(roundTermsProblems(termsOf())).toEqual([]);
    expect(roundTermsProblems(assessmentTermsOf())).toEqual([]);
  });

  it('name every problem at once, by its field', () => {
    const problems = roundTermsProblems(
      termsOf({
        registrationClosesOn: '2024-01-31',
        posts: [post('A01', 1), post('A01', 0)],
        shortlistRatio: 0.5,
        weights: { written: 60, interview: 50 },
        substitution: { maxPerPost: -1, untilStage: 'approval' },
      }),
    );
    expect(problems.map((problem) => problem.field)).toEqual([
      'registrationClosesOn',
      'posts[1].code',
      'posts[1].places',
      'shortlistRatio',
      'weights',
      'substitution.maxPerPost',
    ]);
    expect(problems).toContainEqual({ field: 'weights', message: 'the weights sum to 110, not 100' });
  });

  it('ask a 直接考核 round for neither a shortlist ratio nor weights, and refuse exam-only rules in it', () => {
    const problems = roundTermsProblems(
      assessmentTermsOf({ shortlistRatio: 3, passMarks: { written: 60 }, tieRules: ['higher_written'] }),
    );
    expect(problems.map((problem) => problem.field)).toEqual(['shortlistRatio', 'passMarks.written', 'tieRules[0]']);
  });

  it('hold places in the plan for introduced talents only, one holder per place, the same on every call', () => {
    expect(roundQuotaCategory('shortage_talent')).toBe('shortage_talent');
    expect(roundQuotaCategory('high_level_talent')).toBe('high_level_talent');
    expect(roundQuotaCategory('civil_servant')).toBeUndefined();
    const posts = [post('B01', 2), post('B02', 1)];
    expect(placeHoldersOf('r-1', posts)).toEqual(['round:r-1:B01:1', 'round:r-1:B01:2', 'round:r-1:B02:1']);
    expect(placeHoldersOf('r-1', posts)).toEqual(placeHoldersOf('r-1', posts));
  });
});
