import { deciderSpecification } from '@talent/testing';
import type { Actor } from '../shared/roles';
import { decideRound } from './decide-round';
import type { RoundCommand, RoundEvent } from './round-model';
import { evolveRound, type RoundState } from './round-state';
import {
  advance,
  announce,
  applicantOf,
  approve,
  approver,
  command,
  historyOf,
  officer,
  passAll,
  post,
  rank,
  register,
  scores,
  shortlist,
  termsOf,
} from './round.factory';

const spec = deciderSpecification<RoundState, RoundCommand, RoundEvent>({ decide: decideRound, evolve: evolveRound });

const zhang = applicantOf('1001', 'A01', { name: '张三', idCardKey: 'key-zhang' });
const li = applicantOf('1002', 'A01', { name: '李四', idCardKey: 'key-li' });

describe('announcing a round', () => {
  it('records the 公告 with its post table', () => {
    spec
      .given([])
      .when(announce())
      .then([{ type: 'RoundAnnounced' }]);
  });

  it('refuses terms with problems, naming every field', () => {
    spec
      .given([])
      .when(announce(termsOf({ posts: [post('A01', 0)], weights: { written: 50, interview: 40 } })))
      .thenThrows('INVALID_ROUND_TERMS', /terms\.posts\[0\]\.places: .*; terms\.weights: the weights sum to 90/);
  });

  it('is for an officer, not an approver', () => {
    spec
      .given([])
      .when({ ...announce(), actor: approver })
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});

describe('the post table (职位表)', () => {
  it('is approved by an approver who did not announce the round (四眼原则), once', () => {
    const announcedByLeader = { ...announce(), actor: { id: approver.id, role: 'hr_officer' } satisfies Actor };
    spec.given(historyOf(announcedByLeader)).when(approve).thenThrows('APPROVER_IS_SUBMITTER');
    spec
      .given(historyOf(announce()))
      .when(approve)
      .then([{ type: 'PostTableApproved', data: { posts: 2, places: 3 } }]);
    spec
      .given(historyOf(announce(), approve))
      .when(approve)
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /already approved/);
  });

  it('is not approved by an officer', () => {
    spec
      .given(historyOf(announce()))
      .when(command({ type: 'approvePostTable' }))
      .thenThrows('ROLE_NOT_ALLOWED');
  });
});

describe('registering applicants (报名)', () => {
  const registered = historyOf(announce(), approve, register(zhang, li));

  it('adds nothing twice when the same list is imported again, whatever the ciphertexts', () => {
    const again = { ...zhang, idCardNumber: 'pii:v1:encrypted-again', phone: 'pii:v1:phone-again' };
    spec.given(registered).when(register(again, li)).then([]);
  });

  it('refuses a different applicant under a ticket already taken', () => {
    const wang = applicantOf('1001', 'A01', { name: '王五', idCardKey: 'key-wang' });
    spec
      .given(registered)
      .when(register(wang))
      .thenThrows('TICKET_TAKEN', /准考证号 1001 .*another applicant \(张三/);
  });

  it('refuses the same person twice in one round, also within one list', () => {
    const zhangAgain = applicantOf('2001', 'A02', { name: '张三', idCardKey: 'key-zhang' });
    spec
      .given(registered)
      .when(register(zhangAgain))
      .thenThrows('PERSON_ALREADY_REGISTERED', /under 准考证号 1001/);
    const twice = applicantOf('2002', 'A02', { idCardKey: 'key-x' });
    const sameCard = applicantOf('2003', 'A02', { idCardKey: 'key-x' });
    spec
      .given(registered)
      .when(register(twice, sameCard))
      .thenThrows('PERSON_ALREADY_REGISTERED', /applicants\[1\]/);
  });

  it('refuses a post the table does not have, and a post whose shortlist is drawn', () => {
    spec
      .given(registered)
      .when(register(applicantOf('3001', 'Z99')))
      .thenThrows('POST_NOT_FOUND', /no post Z99/);
    const drawn = historyOf(
      announce(),
      approve,
      register(zhang),
      passAll('1001'),
      scores('written', { '1001': 70 }),
      shortlist,
    );
    spec
      .given(drawn)
      .when(register(applicantOf('3002', 'A01')))
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /A01/);
  });

  it('records the row each applicant came from', () => {
    spec
      .given(historyOf(announce(), approve))
      .when({ ...register(zhang, li), source: { importId: 'sha-1', rows: [2, 3] } } as RoundCommand)
      .then([
        { type: 'ApplicantRegistered', data: { applicant: zhang, source: { importId: 'sha-1', row: 2 } } },
        { type: 'ApplicantRegistered', data: { applicant: li, source: { importId: 'sha-1', row: 3 } } },
      ]);
  });
});

describe('资格审查', () => {
  const registered = historyOf(announce(), approve, register(zhang, li));
  const review = (ticket: string, outcome: 'pass' | 'fail', reason?: string) =>
    command({ type: 'reviewQualifications', decisions: [{ ticket, outcome, ...(reason && { reason }) }] });

  it('needs a reason to fail an applicant', () => {
    spec
      .given(registered)
      .when(review('1001', 'fail'))
      .thenThrows('REASON_REQUIRED', /decisions\[0\]/);
    spec
      .given(registered)
      .when(review('1001', 'fail', '专业不符'))
      .then([
        {
          type: 'QualificationReviewed',
          data: { ticket: '1001', outcome: 'fail' },
          meta: expect.objectContaining({ reason: '专业不符' }),
        },
      ]);
  });

  it('may be changed until the post is shortlisted, and repeating a decision records nothing', () => {
    const passed = historyOf(announce(), approve, register(zhang, li), passAll('1001', '1002'));
    spec.given(passed).when(review('1001', 'pass')).then([]);
    spec
      .given(passed)
      .when(review('1001', 'fail', '学历不符'))
      .then([{ type: 'QualificationReviewed' }]);
    const drawn = historyOf(
      announce(),
      approve,
      register(zhang, li),
      passAll('1001', '1002'),
      scores('written', { '1001': 70, '1002': 65 }),
      shortlist,
    );
    spec
      .given(drawn)
      .when(review('1002', 'fail', '学历不符'))
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /final/);
  });

  it('names an unknown ticket', () => {
    spec.given(registered).when(review('9999', 'pass')).thenThrows('APPLICANT_NOT_FOUND', /9999/);
  });
});

describe('scores', () => {
  const reviewed = historyOf(announce(), approve, register(zhang, li), passAll('1001'));

  it('names unknown tickets, duplicates, out-of-range scores and the unqualified, all at once', () => {
    spec
      .given(reviewed)
      .when(
        command({
          type: 'recordScores',
          exam: 'written',
          scores: [
            { ticket: '9999', score: 70 },
            { ticket: '1001', score: 101 },
            { ticket: '1001', score: 80 },
            { ticket: '1002', score: 80 },
          ],
        }),
      )
      .thenThrows(
        'APPLICANT_NOT_FOUND',
        /no applicant has 准考证号 9999; 1001: a score is from 0 to 100.*; 1001 appears twice; 1002 has not been through 资格审查/,
      );
  });

  it('records 缺考 as null, and the same score again as nothing', () => {
    spec
      .given(reviewed)
      .when(scores('written', { '1001': null }))
      .then([{ type: 'ScoresRecorded', data: { exam: 'written', scores: [{ ticket: '1001', score: null }] } }]);
    spec
      .given(historyOf(announce(), approve, register(zhang, li), passAll('1001'), scores('written', { '1001': 72.5 })))
      .when(scores('written', { '1001': 72.5 }))
      .then([]);
  });

  it('takes 面试 scores of the shortlisted only, and no 考核 score in an exam round', () => {
    const drawn = historyOf(
      announce(),
      approve,
      register(zhang, li),
      passAll('1001', '1002'),
      scores('written', { '1001': 70, '1002': 50 }),
      shortlist,
    );
    spec
      .given(drawn)
      .when(scores('interview', { '1002': 90 }))
      .thenThrows('APPLICANT_NOT_ELIGIBLE', /not on the 面试名单 of post A01/);
    spec
      .given(drawn)
      .when(scores('assessment', { '1001': 90 }))
      .thenThrows('INVALID_SCORE', /not assessment/);
    spec
      .given(drawn)
      .when(scores('written', { '1002': 65 }))
      .thenThrows('SCORES_FINAL', /written scores of post A01/);
  });

  it('are final once the post is ranked', () => {
    const ranked = historyOf(
      announce(),
      approve,
      register(zhang),
      passAll('1001'),
      scores('written', { '1001': 70 }),
      shortlist,
      scores('interview', { '1001': 80 }),
      rank,
    );
    spec
      .given(ranked)
      .when(scores('interview', { '1001': 80 }))
      .then([]);
    spec
      .given(ranked)
      .when(scores('interview', { '1001': 81 }))
      .thenThrows('SCORES_FINAL');
  });
});

describe('shortlist and ranking', () => {
  const a01 = ['1', '2', '3', '4', '5'].map((n) => applicantOf(`10${n}`, 'A01'));
  const written = scores('written', { '101': 80, '102': 75, '103': 70, '104': 70, '105': 55 });
  const drawnUpTo = [announce(), approve, register(...a01), passAll('101', '102', '103', '104', '105'), written];

  it('waits for every applicant’s review and score', () => {
    spec
      .given(historyOf(announce(), approve, register(...a01), passAll('101')))
      .when(shortlist)
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /资格审查 of 4 applicants is pending/);
    spec
      .given(historyOf(announce(), approve, register(...a01), passAll('101', '102', '103', '104', '105')))
      .when(shortlist)
      .thenThrows('ROUND_STEP_OUT_OF_ORDER', /no written score is recorded for 5 applicants/);
  });

  it('draws each post’s 面试名单 with its cut-off, ties at the cut-off entering', () => {
    spec
      .given(historyOf(...drawnUpTo))
      .when(command({ type: 'drawShortlist', postCodes: ['A01'] }))
      .then([
        {
          type: 'ShortlistDrawn',
          data: { postCode: 'A01', ratio: 3, places: 1, cutoff: 70, tickets: ['101', '102', '103', '104'] },
        },
      ]);
  });

  describe('with a tie in the places', () => {
    // 101 and 102 both 75 (101 first by the higher written score); 103 and 104 tie outright at 72.5.
    const interviews = scores('interview', { '101': 70, '102': 75, '103': 75, '104': 75 });
    const interviewed = historyOf(...drawnUpTo, shortlist, interviews);
    const tiedTerms = termsOf({ posts: [post('A01', 3), post('A02', 2)] });
    const tiedAtTheEdge = historyOf(
      announce(tiedTerms),
      approve,
      register(...a01),
      passAll('101', '102', '103', '104', '105'),
      written,
      shortlist,
      interviews,
      rank,
    );

    it('ranks by 综合成绩 and the declared tie rule', () => {
      const [ranked] = spec.given(interviewed).when(rank).events();
      expect(ranked).toMatchObject({
        type: 'PostRanked',
        data: {
          postCode: 'A01',
          ranking: [
            { ticket: '101', composite: 75, rank: 1 },
            { ticket: '102', composite: 75, rank: 2 },
            { ticket: '103', composite: 72.5, rank: 3 },
            { ticket: '104', composite: 72.5, rank: 3 },
          ],
          unresolvedTies: [],
        },
      });
    });

    it('shows a tie straddling the places and sends nobody of it on until an officer orders it, with a reason', () => {
      const ranked = tiedAtTheEdge.find((event) => event.type === 'PostRanked');
      expect(ranked!.data).toMatchObject({ postCode: 'A01', unresolvedTies: [['103', '104']] });
      spec
        .given(tiedAtTheEdge)
        .when(advance('A01', '103'))
        .thenThrows('TIE_UNRESOLVED', /103, 104 share rank 3/);
      const resolve = (order: string[], reason?: string) =>
        command({ type: 'resolveTie', postCode: 'A01', order }, officer, reason);
      spec
        .given(tiedAtTheEdge)
        .when(resolve(['104', '103']))
        .thenThrows('REASON_REQUIRED');
      spec
        .given(tiedAtTheEdge)
        .when(resolve(['104', '101'], '面试答辩复议'))
        .thenThrows('NO_SUCH_TIE', /tied now: \[103, 104\]/);
      spec
        .given(tiedAtTheEdge)
        .when(resolve(['104', '103'], '按公告加试排序'))
        .then([{ type: 'TieResolved', data: { postCode: 'A01', order: ['104', '103'] } }]);
      const resolved = [
        ...tiedAtTheEdge,
        ...spec
          .given(tiedAtTheEdge)
          .when(resolve(['104', '103'], '加试'))
          .events(),
      ];
      spec
        .given(resolved)
        .when(advance('A01', '101', '102', '104'))
        .then([
          { type: 'CandidateAdvanced', data: { postCode: 'A01', ticket: '101', rank: 1, caseId: 'case-101' } },
          { type: 'CandidateAdvanced', data: { postCode: 'A01', ticket: '102', rank: 2, caseId: 'case-102' } },
          { type: 'CandidateAdvanced', data: { postCode: 'A01', ticket: '104', rank: 3, caseId: 'case-104' } },
        ]);
      spec
        .given(resolved)
        .when(advance('A01', '103'))
        .thenThrows('APPLICANT_NOT_ELIGIBLE', /ranks 4; post A01 has 3 places/);
    });

    it('sends a candidate on once: the same case again is nothing, another case is refused', () => {
      const sent = historyOf(...drawnUpTo, shortlist, interviews, rank, advance('A01', '101'));
      spec.given(sent).when(advance('A01', '101')).then([]);
      spec
        .given(sent)
        .when(command({ type: 'advanceCandidates', postCode: 'A01', tickets: ['101'], caseIdOf: { '101': 'other' } }))
        .thenThrows('CANDIDATE_ALREADY_ADVANCED');
      spec
        .given(sent)
        .when(advance('A01', '105'))
        .thenThrows('APPLICANT_NOT_ELIGIBLE', /not in the ranking/);
    });
  });
});

describe('a closed round', () => {
  it('refuses everything', () => {
    const closed = historyOf(announce(), approve, command({ type: 'closeRound' }));
    spec.given(closed).when(register(zhang)).thenThrows('ROUND_CLOSED');
    spec
      .given(closed)
      .when(command({ type: 'closeRound' }))
      .thenThrows('ROUND_CLOSED');
  });
});
