import { type Actor, SYSTEM_ACTOR } from '../shared/roles';
import { decideRound } from './decide-round';
import type { Applicant, Post, RoundCommand, RoundEvent, RoundTerms, ScoreLine } from './round-model';
import { evolveRound, type RoundState } from './round-state';

/** Builders for round specs: terms, applicants, and histories made by the decider itself. */
export const officer: Actor = { id: 'officer-wang', role: 'hr_officer' };
export const approver: Actor = { id: 'leader-zhao', role: 'approver' };
export const at = '2024-03-01T02:00:00.000Z';

export const post = (code: string, places: number): Post => ({ code, unit: '县教育体育局', title: '科员', places });

export function termsOf(overrides: Partial<RoundTerms> = {}): RoundTerms {
  return {
    year: 2024,
    channel: 'civil_servant',
    title: '2024年度考试录用公务员公告',
    announcedOn: '2024-02-01',
    registrationOpensOn: '2024-02-05',
    registrationClosesOn: '2024-02-15',
    posts: [post('A01', 1), post('A02', 2)],
    method: 'exam',
    shortlistRatio: 3,
    weights: { written: 50, interview: 50 },
    passMarks: { written: 60 },
    tieRules: ['higher_written'],
    substitution: { maxPerPost: 2, untilStage: 'inspection' },
    ...overrides,
  };
}

export const assessmentTermsOf = (overrides: Partial<RoundTerms> = {}): RoundTerms => {
  const { shortlistRatio: _ratio, weights: _weights, ...exam } = termsOf();
  return {
    ...exam,
    channel: 'shortage_talent',
    title: '2024年紧缺型人才引进公告',
    method: 'assessment',
    passMarks: { assessment: 60 },
    tieRules: [],
    ...overrides,
  };
};

export const applicantOf = (ticket: string, postCode: string, overrides: Partial<Applicant> = {}): Applicant => ({
  ticket,
  postCode,
  name: `考生${ticket}`,
  gender: '女',
  idCardNumber: `pii:v1:card-${ticket}`,
  idCardKey: `key-${ticket}`,
  ...overrides,
});

/** Any command of the round, by the officer at `at` unless said otherwise. */
export const command = (body: object, actor: Actor = officer, reason?: string): RoundCommand =>
  ({ actor, occurredAt: at, ...(reason !== undefined && { reason }), ...body }) as RoundCommand;

export const announce = (terms: RoundTerms = termsOf(), roundId = 'r-2024-1') =>
  command({ type: 'announceRound', roundId, divisionCode: '530000', terms });
export const approve = command({ type: 'approvePostTable' }, approver);
export const register = (...applicants: Applicant[]) => command({ type: 'registerApplicants', applicants });
export const passAll = (...tickets: string[]) =>
  command({ type: 'reviewQualifications', decisions: tickets.map((ticket) => ({ ticket, outcome: 'pass' })) });
export const scores = (exam: string, lines: Record<string, number | null>) =>
  command({
    type: 'recordScores',
    exam,
    scores: Object.entries(lines).map(([ticket, score]): ScoreLine => ({ ticket, score })),
  });
export const shortlist = command({ type: 'drawShortlist' });
export const rank = command({ type: 'rankPosts' });
export const advance = (postCode: string, ...tickets: string[]) =>
  command({
    type: 'advanceCandidates',
    postCode,
    tickets,
    caseIdOf: Object.fromEntries(tickets.map((ticket) => [ticket, `case-${ticket}`])),
  });
export const placesReserved = (holders: string[]) => command({ type: 'recordPlacesReserved', holders }, SYSTEM_ACTOR);

/** The events a run of commands records, each decided on the state the earlier ones left. */
export function historyOf(...commands: RoundCommand[]): RoundEvent[] {
  let state: RoundState | undefined;
  const history: RoundEvent[] = [];
  for (const next of commands) {
    for (const event of decideRound(state, next)) {
      state = evolveRound(state, event);
      history.push(event);
    }
  }
  return history;
}
