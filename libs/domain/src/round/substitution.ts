import type { DomainErrorCode } from '../shared/domain-error';
import { SUBSTITUTION_STAGES, type SubstitutionPolicy } from './round-model';
import type { RoundState } from './round-state';

/** A candidate's case as it ended (or stands): what its stream's `CaseClosed` says. */
export interface Dropout {
  lastStage: string;
  outcome: string;
  result: 'success' | 'failure' | 'open';
}

export type SubstitutionEligibility =
  | { allowed: true }
  | {
      allowed: false;
      code: Extract<DomainErrorCode, 'NOT_A_DROPOUT' | 'SUBSTITUTION_CLOSED' | 'SUBSTITUTION_LIMIT_REACHED'>;
      message: string;
    };

/** 体检复检 is part of 体检: a candidate whose re-examination failed dropped out at 体检. */
const PART_OF: Record<string, string> = { physicalReexamination: 'physicalExam' };

/**
 * Whether the round's 递补 policy lets a candidate be replaced: they dropped out (failed 体检 or
 * 考察, withdrew, were disqualified), at or before the stage the 公告 names (考察后不递补 →
 * 'inspection'), and the post has 递补 left. Stages after 审批 (报到, 试用期) are past every policy.
 */
export function substitutionEligibility(
  policy: SubstitutionPolicy,
  dropout: Dropout,
  substitutionsSoFar: number,
): SubstitutionEligibility {
  if (dropout.result !== 'failure') {
    const state = dropout.result === 'open' ? 'is still open' : `ended ${dropout.outcome}`;
    return {
      allowed: false,
      code: 'NOT_A_DROPOUT',
      message: `The candidate's case ${state}; only a drop-out is replaced.`,
    };
  }
  const stage = (SUBSTITUTION_STAGES as readonly string[]).indexOf(PART_OF[dropout.lastStage] ?? dropout.lastStage);
  if (stage < 0 || stage > SUBSTITUTION_STAGES.indexOf(policy.untilStage)) {
    return {
      allowed: false,
      code: 'SUBSTITUTION_CLOSED',
      message: `The candidate dropped out at ${dropout.lastStage}; the round replaces drop-outs up to ${policy.untilStage} only.`,
    };
  }
  if (substitutionsSoFar >= policy.maxPerPost) {
    return {
      allowed: false,
      code: 'SUBSTITUTION_LIMIT_REACHED',
      message:
        policy.maxPerPost === 0
          ? 'The round allows no 递补.'
          : `The post has had its ${policy.maxPerPost} 递补 the round allows.`,
    };
  }
  return { allowed: true };
}

export interface NextSubstitute {
  ticket: string;
  rank: number;
  /** Applicants not yet sent on who share that rank: an officer orders them first (resolveTie). */
  tiedWith: string[];
}

/**
 * Who moves up if a candidate of the post drops out: the best-ranked applicant below the places
 * not yet sent on (those within the places go on in their own right). The ranking holds only
 * those who sat every exam and reached its pass marks, so nobody absent or below a mark is ever
 * offered. `undefined` when the ranking is exhausted (or not made yet).
 */
export function nextSubstitute(state: RoundState, postCode: string): NextSubstitute | undefined {
  const post = state.posts.get(postCode);
  if (!post?.ranking) return undefined;
  const waiting = post.ranking.filter((entry) => !post.caseOfTicket.has(entry.ticket));
  const next = post.ranking.slice(post.post.places).find((entry) => !post.caseOfTicket.has(entry.ticket));
  if (!next) return undefined;
  const tiedWith = waiting.filter((entry) => entry !== next && entry.rank === next.rank).map((entry) => entry.ticket);
  return { ticket: next.ticket, rank: next.rank, tiedWith };
}
