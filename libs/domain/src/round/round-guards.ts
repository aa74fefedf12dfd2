import type { EventMeta } from '../case/case-events';
import { DomainError } from '../shared/domain-error';
import { type Actor, type Role, SYSTEM_ACTOR } from '../shared/roles';
import type { RoundCommand, RoundEvent } from './round-model';
import type { PostProgress, RoundState } from './round-state';

/** Officers and API clients run a round; approvers only sign its post table off. */
export const ROUND_WORKERS: readonly Role[] = ['hr_officer', 'api_client'];

export const metaOf = (command: RoundCommand, reason = command.reason): EventMeta =>
  reason === undefined
    ? { actor: command.actor, occurredAt: command.occurredAt }
    : { actor: command.actor, occurredAt: command.occurredAt, reason };

export function roundEvent<T extends RoundEvent['type']>(
  type: T,
  data: Extract<RoundEvent, { type: T }>['data'],
  meta: EventMeta,
): RoundEvent {
  return { type, data, meta } as RoundEvent;
}

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError(
      'ROLE_NOT_ALLOWED',
      `${what} needs the role ${roles.join(' or ')}; the caller is ${actor.role}.`,
    );
  }
}

/** Steps only the engine records (what the year's plan answered). */
export function requireEngine(actor: Actor, what: string): void {
  if (actor.id !== SYSTEM_ACTOR.id || actor.role !== SYSTEM_ACTOR.role) {
    throw new DomainError('ROLE_NOT_ALLOWED', `${what} is recorded by the engine, not by ${actor.id}.`);
  }
}

export function requireOpenRound(state: RoundState | undefined): RoundState {
  if (!state) throw new DomainError('ROUND_NOT_ANNOUNCED', 'The round has not been announced.');
  if (state.status === 'closed') {
    throw new DomainError('ROUND_CLOSED', `Round ${state.roundId} is closed; nothing more can be done in it.`);
  }
  return state;
}

export function requireApproved(state: RoundState, what: string): void {
  if (state.status !== 'approved') {
    throw new DomainError('ROUND_STEP_OUT_OF_ORDER', `${what} waits for the post table (职位表) to be approved.`);
  }
}

export function requirePost(state: RoundState, postCode: string): PostProgress {
  const post = state.posts.get(postCode);
  if (!post) {
    throw new DomainError('POST_NOT_FOUND', `Round ${state.roundId} has no post ${postCode} in its post table.`);
  }
  return post;
}

export function requireReason(reason: string | undefined, what: string): string {
  if (reason === undefined || reason.trim() === '') throw new DomainError('REASON_REQUIRED', `${what} needs a reason.`);
  return reason;
}

/** The posts a batch step covers: the ones named, or every post of the round. */
export function postsOf(state: RoundState, postCodes: readonly string[] | undefined): PostProgress[] {
  if (postCodes === undefined) return [...state.posts.values()];
  return [...new Set(postCodes)].map((code) => requirePost(state, code));
}

/** A few tickets to name in a message, without listing thousands. */
export const sample = (tickets: readonly string[]): string =>
  tickets.length <= 5 ? tickets.join(', ') : `${tickets.slice(0, 5).join(', ')} and ${tickets.length - 5} more`;
