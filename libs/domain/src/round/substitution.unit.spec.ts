import { deciderSpecification } from '@talent/testing';
import { SYSTEM_ACTOR } from '../shared/roles';
import { decideRound } from './decide-round';
import type { RoundCommand, RoundEvent, SubstitutionPolicy } from './round-model';
import { evolveRound, foldRound, type RoundState } from './round-state';
import { placeHoldersOf } from './round-terms';
import {
  advance,
  announce,
  applicantOf,
  approve,
  assessmentTermsOf,
  command,
  historyOf,
  passAll,
  placesReserved,
  post,
  rank,
  register,
  scores,
} from './round.factory';
import { nextSubstitute, substitutionEligibility } from './substitution';

const spec = deciderSpecification<RoundState, RoundCommand, RoundEvent>({ decide: decideRound, evolve: evolveRound });

/** 紧缺型人才 by 直接考核: places held in the plan, A01 with 1 place, A02 with 2, A03 with 1 and nobody. */
const posts = [post('A01', 1), post('A02', 2), post('A03', 1)];
const holders = placeHoldersOf('r-2024-1', posts);
const roundOf = (substitution: SubstitutionPolicy) =>
  historyOf(
    announce(assessmentTermsOf({ posts, substitution })),
    approve,
    placesReserved(holders),
    register(
      ...['101', '102', '103'].map((ticket) => applicantOf(ticket, 'A01')),
      ...['201', '202', '203', '204', '205'].map((ticket) => applicantOf(ticket, 'A02')),
    ),
    passAll('101', '102', '103', '201', '202', '203', '204', '205'),
    // 102 is below the pass mark and 103 absent: A01 has nobody to move up.
    scores('assessment', { '101': 80, '102': 50, '103': null, '201': 90, '202': 85, '203': 80, '204': 75, '205': 50 }),
    rank,
    advance('A01', '101'),
    advance('A02', '201', '202'),
  );
const round = roundOf({ maxPerPost: 1, untilStage: 'inspection' });

const dropout = (caseId: string, lastStage: string, outcome = 'rejected') => ({
  caseId,
  lastStage,
  outcome,
  result: 'failure' as const,
});
const substitute = (postCode: string, replaced: ReturnType<typeof dropout>, caseId: string, reason = '体检不合格') =>
  command({ type: 'substitute', postCode, replaced, caseId }, undefined, reason);

/** 201 failed 体检 and 203 took the place. */
const substituted = [
  ...round,
  ...decideRound(foldRound(round), substitute('A02', dropout('case-201', 'physicalExam'), 'case-203')),
];

describe('places of an introduced-talent round', () => {
  it('are held as the engine records them, once, one holder per place', () => {
    const approved = historyOf(announce(assessmentTermsOf({ posts })), approve);
    spec
      .given(approved)
      .when(placesReserved(holders))
      .then([{ type: 'RoundPlacesReserved', data: { category: 'shortage_talent', year: 2024, holders } }]);
    spec
      .given(historyOf(announce(assessmentTermsOf({ posts })), approve, placesReserved(holders)))
      .when(placesReserved(holders))
      .then([]);
    spec
      .given(approved)
      .when(placesReserved(holders.slice(1)))
      .thenThrows('INVALID_PAYLOAD', /4 place holders/);
    spec
      .given(approved)
      .when(command({ type: 'recordPlacesReserved', holders }))
      .thenThrows('ROLE_NOT_ALLOWED');
  });

  it('go with each candidate sent on, and nobody is sent on before they are held', () => {
    expect(round.filter((event) => event.type === 'CandidateAdvanced').map((event) => event.data)).toEqual([
      { postCode: 'A01', ticket: '101', rank: 1, caseId: 'case-101', placeHolder: 'round:r-2024-1:A01:1' },
      { postCode: 'A02', ticket: '201', rank: 1, caseId: 'case-201', placeHolder: 'round:r-2024-1:A02:1' },
      { postCode: 'A02', ticket: '202', rank: 2, caseId: 'case-202', placeHolder: 'round:r-2024-1:A02:2' },
    ]);
    const refused = historyOf(
      announce(assessmentTermsOf({ posts })),
      approve,
      command({ type: 'recordPlacesRefused', reason: '编制储备不足' }, SYSTEM_ACTOR),
      register(applicantOf('101', 'A01')),
      passAll('101'),
      scores('assessment', { '101': 80 }),
      rank,
    );
    spec
      .given(refused)
      .when(advance('A01', '101'))
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /refused/);
  });
});

describe('递补 (substitution)', () => {
  it('moves the next in rank up onto the drop-out’s place, with the reason', () => {
    expect(nextSubstitute(foldRound(round)!, 'A02')).toEqual({ ticket: '203', rank: 3, tiedWith: [] });
    spec
      .given(round)
      .when(substitute('A02', dropout('case-201', 'physicalExam'), 'case-203'))
      .then([
        {
          type: 'CandidateSubstituted',
          data: {
            postCode: 'A02',
            replaced: { ticket: '201', caseId: 'case-201', lastStage: 'physicalExam', outcome: 'rejected' },
            ticket: '203',
            rank: 3,
            caseId: 'case-203',
            placeHolder: 'round:r-2024-1:A02:1',
            number: 1,
          },
          meta: expect.objectContaining({ reason: '体检不合格' }),
        },
      ]);
  });

  it('is refused past the round’s limit', () => {
    expect(nextSubstitute(foldRound(substituted)!, 'A02')).toEqual({ ticket: '204', rank: 4, tiedWith: [] });
    spec
      .given(substituted)
      .when(substitute('A02', dropout('case-202', 'inspection'), 'case-204'))
      .thenThrows('SUBSTITUTION_LIMIT_REACHED', /its 1 递补/);
  });

  it('refuses a withdrawal after 公示 when the round replaces only up to 考察, and takes it when up to 审批', () => {
    const withdrawn = dropout('case-201', 'approval', 'withdrawn');
    spec
      .given(round)
      .when(substitute('A02', withdrawn, 'case-203', '本人放弃'))
      .thenThrows('SUBSTITUTION_CLOSED', /approval/);
    spec
      .given(roundOf({ maxPerPost: 1, untilStage: 'approval' }))
      .when(substitute('A02', withdrawn, 'case-203', '本人放弃'))
      .then([{ type: 'CandidateSubstituted', data: expect.objectContaining({ ticket: '203', number: 1 }) }]);
  });

  it('is refused when nobody ranked is left (the others absent or below the pass mark)', () => {
    expect(nextSubstitute(foldRound(round)!, 'A01')).toBeUndefined();
    spec
      .given(round)
      .when(substitute('A01', dropout('case-101', 'physicalExam'), 'case-x'))
      .thenThrows('NO_SUBSTITUTE_LEFT');
  });

  it('replaces only a candidate of the post whose case failed, once, and needs a reason', () => {
    spec
      .given(round)
      .when(substitute('A02', { ...dropout('case-201', 'physicalExam'), result: 'open' } as never, 'case-203'))
      .thenThrows('NOT_A_DROPOUT', /still open/);
    spec
      .given(round)
      .when(substitute('A02', dropout('case-101', 'physicalExam'), 'case-203'))
      .thenThrows('NOT_A_DROPOUT', /not a candidate of post A02/);
    spec
      .given(round)
      .when(substitute('A02', dropout('case-201', 'physicalExam'), 'case-203', ''))
      .thenThrows('REASON_REQUIRED');
    spec
      .given(substituted)
      .when(substitute('A02', dropout('case-201', 'physicalExam'), 'case-203'))
      .then([]);
    spec
      .given(substituted)
      .when(substitute('A02', dropout('case-201', 'physicalExam'), 'case-205'))
      .thenThrows('NOT_A_DROPOUT', /already replaced/);
  });
});

describe('closing a round', () => {
  it('releases the held places nobody fills: never sent on, or failed and not replaced', () => {
    spec
      .given(substituted)
      .when(command({ type: 'closeRound', failedCaseIds: ['case-101', 'case-201'] }))
      .then([
        {
          type: 'RoundClosed',
          data: { filled: 2, unfilled: 2, releasedHolders: ['round:r-2024-1:A01:1', 'round:r-2024-1:A03:1'] },
        },
      ]);
    spec
      .given(substituted)
      .when(command({ type: 'closeRound', failedCaseIds: ['case-nobody'] }))
      .thenThrows('INVALID_PAYLOAD', /case-nobody/);
  });
});

describe('the 递补 policy', () => {
  const policy: SubstitutionPolicy = { maxPerPost: 2, untilStage: 'inspection' };
  const failed = (lastStage: string) => ({ lastStage, outcome: 'rejected', result: 'failure' as const });

  it('allows a drop-out at or before the stage the 公告 names, within the limit', () => {
    expect(substitutionEligibility(policy, failed('physicalExam'), 0)).toEqual({ allowed: true });
    expect(substitutionEligibility(policy, failed('inspection'), 1)).toEqual({ allowed: true });
    expect(substitutionEligibility(policy, failed('publicNotice'), 0)).toMatchObject({ code: 'SUBSTITUTION_CLOSED' });
    expect(substitutionEligibility(policy, failed('onboarding'), 0)).toMatchObject({ code: 'SUBSTITUTION_CLOSED' });
    expect(substitutionEligibility(policy, failed('inspection'), 2)).toMatchObject({
      code: 'SUBSTITUTION_LIMIT_REACHED',
    });
    expect(substitutionEligibility({ ...policy, maxPerPost: 0 }, failed('physicalExam'), 0)).toMatchObject({
      code: 'SUBSTITUTION_LIMIT_REACHED',
      message: 'The round allows no 递补.',
    });
  });

  it('counts a failed 体检复检 as a drop-out at 体检', () => {
    const atInspectionOnly = { ...policy, untilStage: 'physicalExam' as const };
    expect(substitutionEligibility(atInspectionOnly, failed('physicalReexamination'), 0)).toEqual({ allowed: true });
  });

  it('replaces nobody whose case succeeded or is still open', () => {
    expect(
      substitutionEligibility(policy, { lastStage: 'probation', outcome: 'hired', result: 'success' }, 0),
    ).toMatchObject({
      code: 'NOT_A_DROPOUT',
    });
  });
});
