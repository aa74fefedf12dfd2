import type { QuotaCategory } from '../shared/case-kinds';
import type { Actor } from '../shared/roles';
import type { Applicant, Post, RankedApplicant, RoundEvent, RoundExam, RoundTerms } from './round-model';
import { placeHoldersOf } from './round-terms';
import { withTieResolved } from './shortlist-and-ranking';

export interface ApplicantRecord {
  applicant: Applicant;
  /** 资格审查, once decided. */
  qualification?: 'pass' | 'fail';
  /** A number, or `null` for 缺考; an exam not yet recorded has no entry. */
  scores: Partial<Record<RoundExam, number | null>>;
}

/** An applicant sent on to 体检, or moved up by 递补, with the case that carries them on. */
export interface RoundCandidate {
  ticket: string;
  caseId: string;
  rank: number;
  placeHolder?: string;
  /** The case of the applicant who took this candidate's place (递补). */
  replacedBy?: string;
}

export interface PostProgress {
  post: Post;
  /** Its applicants, in order of registration. */
  tickets: string[];
  /** 面试名单, once drawn: from then on the written scores and 资格审查 of the post are final. */
  shortlist?: { cutoff: number | null; tickets: Set<string> };
  /** Once ranked, every score of the post is final. */
  ranking?: RankedApplicant[];
  unresolvedTies: string[][];
  /** The post's places held in the year's plan (introduced talents), one holder per place. */
  holders: string[];
  /** caseId → candidate, in the order they were sent on. */
  candidates: Map<string, RoundCandidate>;
  /** ticket → caseId of every applicant of the post who was sent on. */
  caseOfTicket: Map<string, string>;
  substitutions: number;
}

/**
 * A round folded from its stream. Keyed by 准考证号, 职位代码 and case id in Maps, so a roster of
 * 10,000 costs a lookup per check. It is folded in an activity from the event store, never kept in
 * a workflow; Maps and Sets are not plain JSON, which nothing needs of it.
 */
export interface RoundState {
  roundId: string;
  divisionCode: string;
  terms: RoundTerms;
  announcedBy: Actor;
  status: 'announced' | 'approved' | 'closed';
  places?: { status: 'reserved' | 'refused'; category: QuotaCategory; year: number };
  applicants: Map<string, ApplicantRecord>;
  /** idCardKey → ticket: one application per person in a round. */
  ticketOfPerson: Map<string, string>;
  posts: Map<string, PostProgress>;
  /** caseId → postCode of every candidate's case. */
  caseIds: Map<string, string>;
  /** Events applied so far: the round stream's version. */
  version: number;
}

function announced(event: Extract<RoundEvent, { type: 'RoundAnnounced' }>): RoundState {
  const { roundId, divisionCode, terms } = event.data;
  const posts = new Map<string, PostProgress>();
  for (const post of terms.posts) {
    posts.set(post.code, {
      post,
      tickets: [],
      unresolvedTies: [],
      holders: [],
      candidates: new Map(),
      caseOfTicket: new Map(),
      substitutions: 0,
    });
  }
  return {
    roundId,
    divisionCode,
    terms,
    announcedBy: event.meta.actor,
    status: 'announced',
    applicants: new Map(),
    ticketOfPerson: new Map(),
    posts,
    caseIds: new Map(),
    version: 1,
  };
}

function candidateJoined(state: RoundState, postCode: string, candidate: RoundCandidate): void {
  const post = state.posts.get(postCode)!;
  post.candidates.set(candidate.caseId, candidate);
  post.caseOfTicket.set(candidate.ticket, candidate.caseId);
  state.caseIds.set(candidate.caseId, postCode);
}

/**
 * Applies one event to the state it is given and returns it. The state is updated in place: a
 * roster of 10,000 copied on each of its 10,000 registrations would make folding a round
 * quadratic. A caller that still needs the state before an event folds its own.
 */
export function evolveRound(state: RoundState | undefined, event: RoundEvent): RoundState {
  if (event.type === 'RoundAnnounced') return announced(event);
  if (!state) throw new Error(`${event.type} before RoundAnnounced`);
  state.version += 1;
  switch (event.type) {
    case 'PostTableApproved':
      state.status = 'approved';
      break;
    case 'RoundPlacesReserved': {
      const { category, year } = event.data;
      const held = new Set(event.data.holders);
      state.places = { status: 'reserved', category, year };
      for (const progress of state.posts.values()) {
        progress.holders = placeHoldersOf(state.roundId, [progress.post]).filter((holder) => held.has(holder));
      }
      break;
    }
    case 'RoundPlacesRefused':
      state.places = { status: 'refused', category: event.data.category, year: event.data.year };
      break;
    case 'ApplicantRegistered': {
      const { applicant } = event.data;
      state.applicants.set(applicant.ticket, { applicant, scores: {} });
      state.ticketOfPerson.set(applicant.idCardKey, applicant.ticket);
      state.posts.get(applicant.postCode)!.tickets.push(applicant.ticket);
      break;
    }
    case 'QualificationReviewed':
      state.applicants.get(event.data.ticket)!.qualification = event.data.outcome;
      break;
    case 'ScoresRecorded':
      for (const line of event.data.scores) state.applicants.get(line.ticket)!.scores[event.data.exam] = line.score;
      break;
    case 'ShortlistDrawn':
      state.posts.get(event.data.postCode)!.shortlist = {
        cutoff: event.data.cutoff,
        tickets: new Set(event.data.tickets),
      };
      break;
    case 'PostRanked': {
      const post = state.posts.get(event.data.postCode)!;
      post.ranking = event.data.ranking;
      post.unresolvedTies = event.data.unresolvedTies;
      break;
    }
    case 'TieResolved': {
      const post = state.posts.get(event.data.postCode)!;
      const { order } = event.data;
      post.ranking = withTieResolved(post.ranking!, order);
      post.unresolvedTies = post.unresolvedTies.filter((group) => !group.every((ticket) => order.includes(ticket)));
      break;
    }
    case 'CandidateAdvanced': {
      const { postCode, ticket, rank, caseId, placeHolder } = event.data;
      candidateJoined(state, postCode, { ticket, rank, caseId, ...(placeHolder && { placeHolder }) });
      break;
    }
    case 'CandidateSubstituted': {
      const { postCode, replaced, ticket, rank, caseId, placeHolder, number } = event.data;
      const post = state.posts.get(postCode)!;
      post.candidates.get(replaced.caseId)!.replacedBy = caseId;
      post.substitutions = number;
      candidateJoined(state, postCode, { ticket, rank, caseId, ...(placeHolder && { placeHolder }) });
      break;
    }
    case 'RoundClosed':
      state.status = 'closed';
      break;
  }
  return state;
}

export function foldRound(events: Iterable<RoundEvent>): RoundState | undefined {
  let state: RoundState | undefined;
  for (const event of events) state = evolveRound(state, event);
  return state;
}

/** Candidates still holding their place: sent on and not replaced by a 递补. */
export function currentCandidates(post: PostProgress): RoundCandidate[] {
  return [...post.candidates.values()].filter((candidate) => candidate.replacedBy === undefined);
}
