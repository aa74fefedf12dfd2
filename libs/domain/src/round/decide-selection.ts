import { DomainError } from '../shared/domain-error';
import {
  metaOf,
  postsOf,
  requireApproved,
  requireOpenRound,
  requirePost,
  requireReason,
  requireRole,
  ROUND_WORKERS,
  roundEvent,
  sample,
} from './round-guards';
import type { RankedApplicant, RoundCommand, RoundEvent, RoundExam } from './round-model';
import type { PostProgress, RoundState } from './round-state';
import { roundQuotaCategory } from './round-terms';
import { drawShortlist, rankPost, type ScoredApplicant, tiedGroups } from './shortlist-and-ranking';
import { nextSubstitute, substitutionEligibility } from './substitution';

type Command<T extends RoundCommand['type']> = Extract<RoundCommand, { type: T }>;

/**
 * The qualified applicants of a post with their scores, once every one of them has been reviewed
 * and has an `exam` entry (a score, or null for 缺考): a list drawn from a half-entered roster
 * would silently leave people out.
 */
function scoredApplicants(round: RoundState, post: PostProgress, exam: RoundExam, among?: ReadonlySet<string>) {
  const code = post.post.code;
  const pending = post.tickets.filter((ticket) => round.applicants.get(ticket)!.qualification === undefined);
  if (pending.length > 0) {
    throw new DomainError(
      'ROUND_STEP_OUT_OF_ORDER',
      `Post ${code}: 资格审查 of ${pending.length} applicants is pending (${sample(pending)}).`,
    );
  }
  const qualified = post.tickets.filter(
    (ticket) => round.applicants.get(ticket)!.qualification === 'pass' && (!among || among.has(ticket)),
  );
  const missing = qualified.filter((ticket) => !Object.hasOwn(round.applicants.get(ticket)!.scores, exam));
  if (missing.length > 0) {
    throw new DomainError(
      'ROUND_STEP_OUT_OF_ORDER',
      `Post ${code}: no ${exam} score is recorded for ${missing.length} applicants (${sample(missing)}); record null for 缺考.`,
    );
  }
  return qualified.map((ticket): ScoredApplicant => ({ ticket, ...round.applicants.get(ticket)!.scores }));
}

/** 面试名单 of the posts named (or all), each once: its written scores and roster are final from then on. */
export function drawShortlists(state: RoundState | undefined, command: Command<'drawShortlist'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Drawing the 面试名单');
  requireApproved(round, 'Drawing the 面试名单');
  const { method, shortlistRatio, passMarks } = round.terms;
  if (method !== 'exam') {
    throw new DomainError(
      'ROUND_STEP_OUT_OF_ORDER',
      'A 直接考核 round has no 面试名单; its posts are ranked directly.',
    );
  }
  return postsOf(round, command.postCodes)
    .filter((post) => post.shortlist === undefined)
    .map((post) => {
      const { places, code: postCode } = post.post;
      const applicants = scoredApplicants(round, post, 'written');
      const { tickets, cutoff } = drawShortlist(applicants, places, shortlistRatio!, passMarks?.written);
      const data = { postCode, ratio: shortlistRatio!, places, cutoff, tickets };
      return roundEvent('ShortlistDrawn', data, metaOf(command));
    });
}

/** The ranking of the posts named (or all), each once, from scores that are final from then on. */
export function rankPosts(state: RoundState | undefined, command: Command<'rankPosts'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Ranking posts');
  requireApproved(round, 'Ranking');
  const { method, weights, passMarks, tieRules } = round.terms;
  return postsOf(round, command.postCodes)
    .filter((post) => post.ranking === undefined)
    .map((post) => {
      const { places, code: postCode } = post.post;
      if (method === 'exam' && !post.shortlist) {
        throw new DomainError('ROUND_STEP_OUT_OF_ORDER', `Post ${postCode} is ranked after its 面试名单 is drawn.`);
      }
      const applicants =
        method === 'exam'
          ? scoredApplicants(round, post, 'interview', post.shortlist!.tickets)
          : scoredApplicants(round, post, 'assessment');
      const rules = { method, ...(weights && { weights }), ...(passMarks && { passMarks }), tieRules, places };
      return roundEvent('PostRanked', { postCode, ...rankPost(applicants, rules) }, metaOf(command));
    });
}

function rankedPost(round: RoundState, postCode: string): PostProgress & { ranking: RankedApplicant[] } {
  const post = requirePost(round, postCode);
  if (!post.ranking) throw new DomainError('ROUND_STEP_OUT_OF_ORDER', `Post ${postCode} has not been ranked yet.`);
  return post as PostProgress & { ranking: RankedApplicant[] };
}

/** An officer orders applicants the tie rules left sharing a rank, and says why. */
export function resolveTie(state: RoundState | undefined, command: Command<'resolveTie'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ['hr_officer'], 'Ordering tied applicants');
  const reason = requireReason(command.reason, 'Ordering tied applicants');
  const post = rankedPost(round, command.postCode);
  const groups = tiedGroups(post.ranking).map((group) => group.map((entry) => entry.ticket));
  const order = command.order;
  const group = groups.find(
    (tied) =>
      tied.length === order.length && new Set(order).size === order.length && tied.every((t) => order.includes(t)),
  );
  if (!group) {
    const open = groups.map((tied) => `[${tied.join(', ')}]`).join(', ');
    throw new DomainError(
      'NO_SUCH_TIE',
      `order must list every applicant of one tied group of post ${command.postCode}, once each; ${open ? `tied now: ${open}` : 'nobody is tied'}.`,
    );
  }
  return [roundEvent('TieResolved', { postCode: command.postCode, order }, metaOf(command, reason))];
}

function requireWithinPlaces(post: PostProgress & { ranking: RankedApplicant[] }, ticket: string): RankedApplicant {
  const { code, places } = post.post;
  const entry = post.ranking.find((ranked) => ranked.ticket === ticket);
  if (!entry) {
    throw new DomainError(
      'APPLICANT_NOT_ELIGIBLE',
      `${ticket} is not in the ranking of post ${code} (absent, below a pass mark, or not an applicant of it).`,
    );
  }
  if (entry.rank > places) {
    throw new DomainError(
      'APPLICANT_NOT_ELIGIBLE',
      `${ticket} ranks ${entry.rank}; post ${code} has ${places} places.`,
    );
  }
  const tied = post.ranking.filter((ranked) => ranked.rank === entry.rank);
  if (entry.rank + tied.length - 1 > places) {
    throw new DomainError(
      'TIE_UNRESOLVED',
      `${tied.map((ranked) => ranked.ticket).join(', ')} share rank ${entry.rank} of post ${code}'s ${places} places; order them first.`,
    );
  }
  return entry;
}

/** 进入体检: applicants ranked within the places, each on a case of their own and (introduced talents) a held place. */
export function advanceCandidates(state: RoundState | undefined, command: Command<'advanceCandidates'>) {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, 'Sending candidates to 体检');
  const post = rankedPost(round, command.postCode);
  if (roundQuotaCategory(round.terms.channel) && round.places?.status !== 'reserved') {
    throw new DomainError(
      'ROUND_STEP_OUT_OF_ORDER',
      `The places of round ${round.roundId} are ${round.places ? 'refused' : 'not yet held'} in the year's plan (编制储备).`,
    );
  }
  const taken = new Set([...post.candidates.values()].map((candidate) => candidate.placeHolder));
  const freeHolders = post.holders.filter((holder) => !taken.has(holder));
  const batchCases = new Set<string>();
  const events: RoundEvent[] = [];
  for (const [index, ticket] of command.tickets.entries()) {
    if (command.tickets.indexOf(ticket) !== index) {
      throw new DomainError('INVALID_PAYLOAD', `tickets: ${ticket} is listed twice.`);
    }
    const caseId = command.caseIdOf[ticket];
    if (typeof caseId !== 'string' || caseId === '') {
      throw new DomainError('INVALID_PAYLOAD', `caseIdOf.${ticket}: each candidate needs the id of its case.`);
    }
    const earlier = post.caseOfTicket.get(ticket);
    if (earlier === caseId) continue;
    if (earlier !== undefined) {
      throw new DomainError('CANDIDATE_ALREADY_ADVANCED', `${ticket} was sent to 体检 on case ${earlier}.`);
    }
    const { rank } = requireWithinPlaces(post, ticket);
    if (round.caseIds.has(caseId) || batchCases.has(caseId)) {
      throw new DomainError('CANDIDATE_ALREADY_ADVANCED', `Case ${caseId} already carries a candidate of this round.`);
    }
    batchCases.add(caseId);
    const placeHolder = freeHolders.shift();
    const data = { postCode: command.postCode, ticket, rank, caseId, ...(placeHolder && { placeHolder }) };
    events.push(roundEvent('CandidateAdvanced', data, metaOf(command)));
  }
  return events;
}

/** 递补: the next in rank of the post takes the place of a candidate who dropped out, within the 公告's limits. */
export function substitute(state: RoundState | undefined, command: Command<'substitute'>): RoundEvent[] {
  const round = requireOpenRound(state);
  requireRole(command.actor, ROUND_WORKERS, '递补');
  const reason = requireReason(command.reason, '递补');
  const post = rankedPost(round, command.postCode);
  const { replaced } = command;
  const candidate = post.candidates.get(replaced.caseId);
  if (!candidate) {
    throw new DomainError('NOT_A_DROPOUT', `Case ${replaced.caseId} is not a candidate of post ${command.postCode}.`);
  }
  if (candidate.replacedBy === command.caseId) return [];
  if (candidate.replacedBy !== undefined) {
    throw new DomainError(
      'NOT_A_DROPOUT',
      `Case ${replaced.caseId} was already replaced by case ${candidate.replacedBy}.`,
    );
  }
  const eligibility = substitutionEligibility(round.terms.substitution, replaced, post.substitutions);
  if (!eligibility.allowed) throw new DomainError(eligibility.code, eligibility.message);
  const next = nextSubstitute(round, command.postCode);
  if (!next) {
    throw new DomainError('NO_SUBSTITUTE_LEFT', `Post ${command.postCode} has no ranked applicant left to move up.`);
  }
  if (next.tiedWith.length > 0) {
    throw new DomainError(
      'TIE_UNRESOLVED',
      `${[next.ticket, ...next.tiedWith].join(', ')} share rank ${next.rank} of post ${command.postCode}; order them first.`,
    );
  }
  if (round.caseIds.has(command.caseId)) {
    throw new DomainError(
      'CANDIDATE_ALREADY_ADVANCED',
      `Case ${command.caseId} already carries a candidate of this round.`,
    );
  }
  const data = {
    postCode: command.postCode,
    replaced: {
      ticket: candidate.ticket,
      caseId: replaced.caseId,
      lastStage: replaced.lastStage,
      outcome: replaced.outcome,
    },
    ticket: next.ticket,
    rank: next.rank,
    caseId: command.caseId,
    ...(candidate.placeHolder && { placeHolder: candidate.placeHolder }),
    number: post.substitutions + 1,
  };
  return [roundEvent('CandidateSubstituted', data, metaOf(command, reason))];
}
