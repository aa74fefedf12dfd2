import type { Actor } from '../shared/roles';
import type { CaseSubject, RoundPlace } from './case-events';
import type { PipelineDefinition } from './pipeline';

interface Base {
  /** When it happened in the office (ISO 8601); checked against the clock by the api. */
  occurredAt: string;
}

interface ByPerson extends Base {
  actor: Actor;
}

export type OpenCase = ByPerson & {
  type: 'openCase';
  caseId: string;
  pipeline: PipelineDefinition;
  subject: CaseSubject;
  year: number;
  divisionCode: string;
  /** Opened from a recruitment round: starts at the pipeline's round entry stage. */
  round?: RoundPlace;
};
export type TakeAction = ByPerson & {
  type: 'takeAction';
  action: string;
  payload: Record<string, unknown>;
  reason?: string;
};
export type RaiseObjection = ByPerson & { type: 'raiseObjection'; grounds: string };
export type ResolveObjection = ByPerson & { type: 'resolveObjection'; upheld: boolean; reason: string };
export type WithdrawCase = ByPerson & { type: 'withdraw'; reason: string };
export type RejectCase = ByPerson & { type: 'reject'; reason: string };
/** 公示期满: an officer confirms that a notice entered after its end ran its course. */
export type ConfirmNoticeEnded = ByPerson & { type: 'confirmNoticeEnded' };

/** Steps the engine takes itself, driven by timers and by the annual plan's answers. */
export type ScheduleStage = Base & {
  type: 'scheduleStage';
  deadlineAt?: string;
  noticeEndsAt?: string;
  noticeEndConfirmedByOfficer?: boolean;
  nextFollowUpAt?: string;
};
/** Deadline, notice end and next follow-up of a stage, as the office's calendar gives them. */
export type StageTimes = Pick<ScheduleStage, 'deadlineAt' | 'noticeEndsAt' | 'nextFollowUpAt'>;
export type CompleteNotice = Base & { type: 'completeNotice' };
export type RecordQuotaReserved = Base & { type: 'recordQuotaReserved' };
export type RecordQuotaRefused = Base & { type: 'recordQuotaRefused'; reason: string };
export type RecordSubsidyCommitted = Base & { type: 'recordSubsidyCommitted' };
export type RecordFundRefused = Base & { type: 'recordFundRefused'; reason: string };
export type MarkOverdue = Base & { type: 'markOverdue' };
export type RecordFollowUpDue = Base & { type: 'recordFollowUpDue' };

export type CaseCommand =
  | OpenCase
  | TakeAction
  | RaiseObjection
  | ResolveObjection
  | WithdrawCase
  | RejectCase
  | ConfirmNoticeEnded
  | ScheduleStage
  | CompleteNotice
  | RecordQuotaReserved
  | RecordQuotaRefused
  | RecordSubsidyCommitted
  | RecordFundRefused
  | MarkOverdue
  | RecordFollowUpDue;

/** Commands a person sends (as Updates); the others come from the engine. */
export type PersonCommand =
  TakeAction | RaiseObjection | ResolveObjection | WithdrawCase | RejectCase | ConfirmNoticeEnded;
