import { DomainError } from '../shared/domain-error';
import { registerApplicants, recordScores, reviewQualifications } from './decide-roster';
import { advanceCandidates, drawShortlists, rankPosts, resolveTie, substitute } from './decide-selection';
import {
  metaOf,
  requireEngine,
  requireOpenRound,
  requireReason,
  requireRole,
  ROUND_WORKERS,
  roundEvent,
} from './round-guards';
import type { RoundCommand, RoundEvent } from './round-model';
import { currentCandidates, type RoundState } from './round-state';
import { placeHoldersOf, roundQuotaCategory, roundTermsProblems } from './round-terms';

type Command<T extends RoundCommand['type']> = Extract<RoundCommand, { type: T }>;

function announce(state: RoundState | undefined, command: Command<'announceRound'>): RoundEvent[] {
  if (state) throw new DomainError('ROUND_ALREADY_ANNOUNCED', `Round ${state.roundId} is already announced.`);
  requireRole(command.actor, ROUND_WORKERS, 'Announcing a round');
  const problems = roundTermsProblems(command.terms);
  if (problems.length > 0) {
    const listed = problems.map((problem) => `terms.${problem.field}: ${problem.message}`);
    throw new DomainError('INVALID_ROUND_TERMS', `${listed.join('; ')}.`);
  }
  const { roundId, divisionCode, terms } = command;
  return [roundEvent('RoundAnnounced', { roundId, divisionCode, terms }, metaOf(command))];
}

/** 职位表审定, once, by an approver who did not announce the round (四眼原则). */
function approvePostTable(state: RoundState | undefined, command: Command<'approvePostTable'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ['approver'], 'Approving the post table');
  if (round.status !== 'announced') {
    throw new DomainError('ROUND_STEP_OUT_OF_ORDER', `The post table of round ${round.roundId} is already approved.`);
  }
  if (round.announcedBy.id === command.actor.id) {
    throw new DomainError(
      'APPROVER_IS_SUBMITTER',
      `${command.actor.id} announced this round and cannot approve its post table; another approver must.`,
    );
  }
  const posts = round.terms.posts;
  const places = posts.reduce((sum, post) => sum + post.places, 0);
  return [roundEvent('PostTableApproved', { posts: posts.length, places }, metaOf(command))];
}

/** What the year's plan answered when the engine asked it to hold an introduced-talent round's places. */
function recordPlaces(state: RoundState | undefined, command: Command<'recordPlacesReserved' | 'recordPlacesRefused'>) {
  const round = requireOpenRound(state);
  requireEngine(command.actor, 'What the plan answered');
  const category = roundQuotaCategory(round.terms.channel);
  if (!category) {
    throw new DomainError('ROUND_STEP_OUT_OF_ORDER', `A ${round.terms.channel} round holds no places in the plan.`);
  }
  if (round.status !== 'approved') {
    throw new DomainError('ROUND_STEP_OUT_OF_ORDER', 'Places are held once the post table is approved.');
  }
  const year = round.terms.year;
  if (command.type === 'recordPlacesRefused') {
    if (round.places) return [];
    const reason = requireReason(command.reason, 'A refusal of places');
    return [roundEvent('RoundPlacesRefused', { category, year, reason }, metaOf(command, reason))];
  }
  const expected = placeHoldersOf(round.roundId, round.terms.posts);
  const given = new Set(command.holders);
  const exact = given.size === command.holders.length && given.size === expected.length;
  if (!exact || expected.some((holder) => !given.has(holder))) {
    throw new DomainError(
      'INVALID_PAYLOAD',
      `holders must be the round's ${expected.length} place holders, once each.`,
    );
  }
  if (round.places?.status === 'reserved') return [];
  if (round.places) throw new DomainError('ROUND_STEP_OUT_OF_ORDER', 'The plan already refused these places.');
  return [roundEvent('RoundPlacesReserved', { category, year, holders: expected }, metaOf(command))];
}

/**
 * 结束: a place is filled by a candidate still holding it whose case did not fail (an open case
 * still fills it). The held places of the others go back to the plan.
 */
function closeRound(state: RoundState | undefined, command: Command<'closeRound'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Closing a round');
  const failed = new Set(command.failedCaseIds ?? []);
  const unknown = [...failed].find((caseId) => !round.caseIds.has(caseId));
  if (unknown !== undefined) {
    throw new DomainError('INVALID_PAYLOAD', `failedCaseIds: case ${unknown} carries no candidate of this round.`);
  }
  let filled = 0;
  let unfilled = 0;
  const releasedHolders: string[] = [];
  for (const post of round.posts.values()) {
    const holding = currentCandidates(post).filter((candidate) => !failed.has(candidate.caseId));
    filled += Math.min(holding.length, post.post.places);
    unfilled += Math.max(post.post.places - holding.length, 0);
    const kept = new Set(holding.map((candidate) => candidate.placeHolder));
    releasedHolders.push(...post.holders.filter((holder) => !kept.has(holder)));
  }
  return [roundEvent('RoundClosed', { filled, unfilled, releasedHolders }, metaOf(command))];
}

/** Every rule of a round: the events a command produces, or the DomainError it breaks. */
export function decideRound(state: RoundState | undefined, command: RoundCommand): RoundEvent[] {
  switch (command.type) {
    case 'announceRound':
      return announce(state, command);
    case 'approvePostTable':
      return approvePostTable(state, command);
    case 'recordPlacesReserved':
    case 'recordPlacesRefused':
      return recordPlaces(state, command);
    case 'registerApplicants':
      return registerApplicants(state, command);
    case 'reviewQualifications':
      return reviewQualifications(state, command);
    case 'recordScores':
      return recordScores(state, command);
    case 'drawShortlist':
      return drawShortlists(state, command);
    case 'rankPosts':
      return rankPosts(state, command);
    case 'resolveTie':
      return resolveTie(state, command);
    case 'advanceCandidates':
      return advanceCandidates(state, command);
    case 'substitute':
      return substitute(state, command);
    case 'closeRound':
      return closeRound(state, command);
  }
}
