import type { CaseKind, QuotaCategory, RecruitmentChannel, WorkstationType } from '../shared/case-kinds';
import type { Actor } from '../shared/roles';
import type { StageKind } from './pipeline';

/** Who, why and when, carried by every event (when = occurredAt, in the office). */
export interface EventMeta {
  actor: Actor;
  reason?: string;
  occurredAt: string;
}

type Event<Type extends string, Data> = { type: Type; data: Data; meta: EventMeta };

export interface CaseSubject {
  /** The candidate, expert, host unit or returning native the case is about. */
  name: string;
  /** Free descriptive fields (post, unit, township); never personal identifiers. */
  details?: Record<string, string | number | boolean>;
  /**
   * 居民身份证号码 and mobile number: personal information (PIPL). Only ever ciphertext here
   * (`pii:v1:…`), encrypted by the api before the case reaches Temporal or the event store.
   */
  idCardNumber?: string;
  phone?: string;
}

/**
 * The place a recruitment round gave the candidate (进入体检 or 递补): the case starts at the
 * pipeline's `roundEntryStage`. In an introduced-talent round the round holds the post in the
 * year's 编制储备 under `placeHolder`; the case uses that holder on hire and releases nothing on
 * failure (the place stays with the round for a 递补).
 */
export interface RoundPlace {
  roundId: string;
  /** 职位代码. */
  postCode: string;
  /** 准考证号. */
  ticket: string;
  /** The candidate's rank in the post's ranking. */
  rank: number;
  /** The plan's quota holder id under which the round reserved the place. */
  placeHolder?: string;
}

export type CaseOpened = Event<
  'CaseOpened',
  {
    caseId: string;
    kind: CaseKind;
    channel?: RecruitmentChannel;
    workstationType?: WorkstationType;
    pipelineId: string;
    pipelineVersion: number;
    subject: CaseSubject;
    year: number;
    divisionCode: string;
    round?: RoundPlace;
  }
>;
export type StageEntered = Event<'StageEntered', { stage: string; stageKind: StageKind }>;
/**
 * The times of a stage, computed outside the workflow (working-day calendar, configured day
 * length) and recorded, so that a calendar update never changes a replayed case.
 */
export type StageScheduled = Event<
  'StageScheduled',
  {
    stage: string;
    deadlineAt?: string;
    noticeEndsAt?: string;
    /** The notice was already over when entered: it ends on an officer's confirmation, not by a timer. */
    noticeEndConfirmedByOfficer?: boolean;
    nextFollowUpAt?: string;
  }
>;
export type ActionTaken = Event<
  'ActionTaken',
  { stage: string; action: string; outcome: string; payload: Record<string, unknown> }
>;
export type StageOverdue = Event<'StageOverdue', { stage: string; deadlineAt: string }>;
export type ObjectionRaised = Event<'ObjectionRaised', { stage: string; grounds: string }>;
export type ObjectionResolved = Event<'ObjectionResolved', { stage: string; upheld: boolean }>;
export type NoticeCompleted = Event<'NoticeCompleted', { stage: string }>;
export type QuotaReserved = Event<'QuotaReserved', { category: QuotaCategory; year: number }>;
export type QuotaRefused = Event<'QuotaRefused', { category: QuotaCategory; year: number }>;
export type QuotaReleased = Event<'QuotaReleased', { category: QuotaCategory; year: number }>;
/** `holder`: the round's place holder a round case used, when the post was not the case's own. */
export type QuotaUsed = Event<'QuotaUsed', { category: QuotaCategory; year: number; holder?: string }>;
export type SubsidyCommitted = Event<'SubsidyCommitted', { year: number; amountCny: number; instalments: number }>;
export type SubsidyInstalmentPaid = Event<
  'SubsidyInstalmentPaid',
  { year: number; instalment: number; amountCny: number }
>;
export type SubsidyReleased = Event<'SubsidyReleased', { year: number; amountCny: number }>;
/** 违约退还: what was paid of the subsidy goes back into the year's talent fund. */
export type SubsidyClawedBack = Event<'SubsidyClawedBack', { year: number; amountCny: number }>;
export type FollowUpDue = Event<'FollowUpDue', { stage: string; number: number }>;
export type CaseClosed = Event<'CaseClosed', { outcome: string; result: 'success' | 'failure'; lastStage: string }>;

/** Every fact of a case's stream. Names are stable: outsiders subscribe to them. */
export type CaseEvent =
  | CaseOpened
  | StageEntered
  | StageScheduled
  | ActionTaken
  | StageOverdue
  | ObjectionRaised
  | ObjectionResolved
  | NoticeCompleted
  | QuotaReserved
  | QuotaRefused
  | QuotaReleased
  | QuotaUsed
  | SubsidyCommitted
  | SubsidyInstalmentPaid
  | SubsidyReleased
  | SubsidyClawedBack
  | FollowUpDue
  | CaseClosed;

export type CaseEventType = CaseEvent['type'];
export const CASE_EVENT_SCHEMA_VERSION = 1;
