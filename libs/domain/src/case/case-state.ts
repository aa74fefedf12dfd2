import type { QuotaCategory } from '../shared/case-kinds';
import { type Actor, SYSTEM_ACTOR } from '../shared/roles';
import type { CaseEvent, CaseOpened } from './case-events';
import type { StageKind } from './pipeline';

export type CaseStatus = 'open' | 'suspended' | 'closed';

export interface CaseState {
  caseId: string;
  opened: CaseOpened['data'];
  status: CaseStatus;
  stage: string;
  stageKind?: StageKind;
  stageEnteredAt: string;
  /**
   * The latest business time of the case's facts so far: later facts may not predate it. The
   * engine's reminders (overdue, follow-up due) do not count: they are observations dated at their
   * scheduled moment, and a fact entered late (catch-up entry) may well predate them.
   */
  lastOccurredAt?: string;
  /**
   * Everyone who worked the case as an officer or API client (opened it, took a step, raised an
   * objection): none of them may approve it later, in whatever role (四眼原则, over the whole case).
   */
  workedBy?: string[];
  /**
   * The officer handling the case: who opened it, or, for a case another system opened, the
   * first officer to act on it. Only they see the subject's personal data unmasked.
   */
  handlingOfficer?: string;
  /** Who opened the case (an officer or an API client): the one a repeated open may tell apart. */
  openedBy?: string;
  /** Who moved the case into the current stage: the officer an approver must not be. */
  stageSubmittedBy?: Actor;
  deadlineAt?: string;
  overdue: boolean;
  noticeEndsAt?: string;
  /** A notice already over when it was entered (catch-up entry) ends on an officer's 公示期满 confirmation. */
  noticeEndConfirmedByOfficer?: boolean;
  noticeCompleted: boolean;
  nextFollowUpAt?: string;
  objection?: { grounds: string; raisedBy: Actor; raisedAt: string };
  quota?: { category: QuotaCategory; status: 'reserved' | 'used' | 'released' };
  subsidy?: {
    committedCny: number;
    paidCny: number;
    instalments: number;
    instalmentsPaid: number;
    /** When the last instalment was paid: the next waits for the next yearly assessment. */
    lastPaidAt?: string;
    /** Paid and returned to the fund (违约退还). */
    clawedBackCny?: number;
  };
  followUpsDue: number;
  outcome?: { id: string; result: 'success' | 'failure'; reason?: string };
  /** The actions taken in the current stage, in order: what a stage's later actions may depend on. */
  stageActions?: string[];
  /** Events applied so far: the case stream's version, and the base of deterministic event ids. */
  version: number;
}

/**
 * The first officer to act on a case handles it (经办人): whoever opened it, or acted first after
 * another system did. The case list's `mine` follows the same rule.
 */
export const takenOnBy = (
  handlingOfficer: string | undefined,
  actor: { id: string; role: string },
): string | undefined => handlingOfficer ?? (actor.role === 'hr_officer' ? actor.id : undefined);

/**
 * Who moved the case into the stage it entered: the one an approver must not be. Automatic steps
 * keep the last officer who moved it. The case list's submitter follows the same rule.
 */
export const submittedBy = <A extends { id: string }>(previous: A | undefined, mover: A): A | undefined =>
  mover.id === SYSTEM_ACTOR.id ? previous : mover;

const REMINDERS: readonly CaseEvent['type'][] = ['StageOverdue', 'FollowUpDue'];

const later = (a: string | undefined, b: string): string => (a !== undefined && a > b ? a : b);

/** Officers and API clients work a case; approvers decide on it and the engine only follows. */
const WORKING_ROLES: readonly Actor['role'][] = ['hr_officer', 'api_client'];

function workedAfter(state: CaseState | undefined, actor: Actor): string[] | undefined {
  const worked = state?.workedBy ?? [];
  if (!WORKING_ROLES.includes(actor.role) || worked.includes(actor.id)) return state?.workedBy;
  return [...worked, actor.id];
}

/** Folds one event into the state; the first event must be CaseOpened. */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    return {
      caseId: event.data.caseId,
      opened: event.data,
      status: 'open',
      stage: '',
      stageEnteredAt: event.meta.occurredAt,
      overdue: false,
      noticeCompleted: false,
      followUpsDue: 0,
      version: 1,
      handlingOfficer: takenOnBy(undefined, event.meta.actor),
      openedBy: event.meta.actor.id,
      lastOccurredAt: event.meta.occurredAt,
      workedBy: workedAfter(undefined, event.meta.actor),
    };
  }
  if (!state) throw new Error(`${event.type} before CaseOpened`);
  const next: CaseState = {
    ...state,
    version: state.version + 1,
    handlingOfficer: takenOnBy(state.handlingOfficer, event.meta.actor),
    lastOccurredAt: REMINDERS.includes(event.type)
      ? state.lastOccurredAt
      : later(state.lastOccurredAt, event.meta.occurredAt),
    workedBy: workedAfter(state, event.meta.actor),
  };
  switch (event.type) {
    case 'StageEntered':
      return {
        ...next,
        stage: event.data.stage,
        stageKind: event.data.stageKind,
        stageEnteredAt: event.meta.occurredAt,
        stageSubmittedBy: submittedBy(state.stageSubmittedBy, event.meta.actor),
        deadlineAt: undefined,
        noticeEndsAt: undefined,
        noticeEndConfirmedByOfficer: undefined,
        nextFollowUpAt: undefined,
        overdue: false,
        noticeCompleted: false,
        objection: undefined,
        followUpsDue: 0,
        stageActions: [],
      };
    case 'StageScheduled':
      return {
        ...next,
        deadlineAt: event.data.deadlineAt ?? next.deadlineAt,
        noticeEndsAt: event.data.noticeEndsAt ?? next.noticeEndsAt,
        noticeEndConfirmedByOfficer: event.data.noticeEndConfirmedByOfficer ?? next.noticeEndConfirmedByOfficer,
        nextFollowUpAt: event.data.nextFollowUpAt,
      };
    case 'NoticeCompleted':
      return { ...next, noticeCompleted: true };
    case 'StageOverdue':
      return { ...next, overdue: true };
    case 'ObjectionRaised':
      return {
        ...next,
        status: 'suspended',
        objection: { grounds: event.data.grounds, raisedBy: event.meta.actor, raisedAt: event.meta.occurredAt },
      };
    case 'ObjectionResolved':
      return { ...next, status: 'open', objection: undefined };
    case 'QuotaReserved':
      return { ...next, quota: { category: event.data.category, status: 'reserved' } };
    case 'QuotaUsed':
      return { ...next, quota: { category: event.data.category, status: 'used' } };
    case 'QuotaReleased':
      return { ...next, quota: { category: event.data.category, status: 'released' } };
    case 'SubsidyCommitted':
      return {
        ...next,
        subsidy: {
          committedCny: event.data.amountCny,
          paidCny: 0,
          instalments: event.data.instalments,
          instalmentsPaid: 0,
        },
      };
    case 'SubsidyInstalmentPaid':
      return {
        ...next,
        subsidy: next.subsidy && {
          ...next.subsidy,
          paidCny: next.subsidy.paidCny + event.data.amountCny,
          instalmentsPaid: event.data.instalment,
          lastPaidAt: event.meta.occurredAt,
        },
      };
    case 'SubsidyClawedBack':
      return {
        ...next,
        subsidy: next.subsidy && {
          ...next.subsidy,
          clawedBackCny: (next.subsidy.clawedBackCny ?? 0) + event.data.amountCny,
        },
      };
    case 'SubsidyReleased':
      return {
        ...next,
        subsidy: next.subsidy && { ...next.subsidy, committedCny: next.subsidy.committedCny - event.data.amountCny },
      };
    case 'FollowUpDue':
      return { ...next, followUpsDue: next.followUpsDue + 1 };
    case 'CaseClosed':
      return {
        ...next,
        status: 'closed',
        outcome: { id: event.data.outcome, result: event.data.result, reason: event.meta.reason },
      };
    case 'ActionTaken':
      return { ...next, stageActions: [...(next.stageActions ?? []), event.data.action] };
    case 'QuotaRefused':
      return next;
  }
}
