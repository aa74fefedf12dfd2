import { DomainError } from '../shared/domain-error';
import { addOfficeMonths, officeDate } from '../shared/office-time';
import { type Actor, SYSTEM_ACTOR } from '../shared/roles';
import type { CaseCommand, OpenCase, ScheduleStage, StageTimes, TakeAction } from './case-commands';
import type { CaseEvent, EventMeta, StageScheduled, SubsidyInstalmentPaid } from './case-events';
import type { CaseState } from './case-state';
import {
  type ActionDefinition,
  type AutomaticTrigger,
  DISQUALIFIED_OUTCOME,
  isTerminal,
  type Period,
  type PipelineDefinition,
  type StageDefinition,
} from './pipeline';

const meta = (actor: Actor, occurredAt: string, reason?: string): EventMeta =>
  reason === undefined ? { actor, occurredAt } : { actor, occurredAt, reason };

function currentStage(state: CaseState, pipeline: PipelineDefinition): StageDefinition {
  return pipeline.stages[state.stage]!;
}

/**
 * When a step the engine takes by itself happened in the office: at its scheduled moment (a
 * notice's end, a deadline), or when what caused it happened; never before the case's last fact.
 */
export function consequenceTime(state: CaseState, scheduledAt?: string): string {
  const last = state.lastOccurredAt ?? state.stageEnteredAt;
  return scheduledAt !== undefined && Date.parse(scheduledAt) > Date.parse(last) ? scheduledAt : last;
}

/**
 * Which rules decide. `original` is how commands were decided before facts had to come in order,
 * four-eyes covered the whole case and objections their notice period: a workflow replaying a
 * history recorded then must decide exactly as it did. Everything new is decided by `current`.
 */
export type CaseRules = 'original' | 'current';

/** Facts of a case are entered in the order they happened: a later entry may not predate an earlier one. */
function requireInOrder(state: CaseState | undefined, occurredAt: string, rules: CaseRules): void {
  const last = state?.lastOccurredAt;
  if (rules === 'current' && last !== undefined && Date.parse(occurredAt) < Date.parse(last)) {
    throw new DomainError(
      'OCCURRED_BEFORE_LAST_FACT',
      `occurredAt ${occurredAt} is before the case's last recorded fact (${last}); enter a case's facts in the order they happened.`,
    );
  }
}

function requireOpen(state: CaseState | undefined): CaseState {
  if (!state || state.status === 'closed') {
    throw new DomainError(
      'CASE_NOT_OPEN',
      `The case is ${state ? 'closed' : 'not open'}; nothing more can be done in it.`,
    );
  }
  return state;
}

function requireNotSuspended(state: CaseState): void {
  if (state.status === 'suspended') {
    throw new DomainError(
      'CASE_SUSPENDED',
      'The case is suspended by an objection during the public notice; resolve the objection first.',
    );
  }
}

/** Closing a case gives back what it holds in the year's plan, or uses it when the case succeeded. */
function close(state: CaseState, pipeline: PipelineDefinition, outcome: string, m: EventMeta): CaseEvent[] {
  const { result, postUsed } = pipeline.outcomes[outcome]!;
  const used = result === 'success' || postUsed === true;
  const year = state.opened.year;
  const events: CaseEvent[] = [];
  if (state.quota?.status === 'reserved') {
    const type = used ? 'QuotaUsed' : 'QuotaReleased';
    events.push({ type, data: { category: state.quota.category, year }, meta: m });
  }
  // The round keeps a place its candidate fails for the next in rank (递补), and frees it when it closes.
  const holder = state.opened.round?.placeHolder;
  const category = quotaCategoryOf(pipeline);
  if (holder !== undefined && category !== undefined && used) {
    events.push({ type: 'QuotaUsed', data: { category, year, holder }, meta: m });
  }
  const unpaid = state.subsidy ? state.subsidy.committedCny - state.subsidy.paidCny : 0;
  if (unpaid > 0) events.push({ type: 'SubsidyReleased', data: { year, amountCny: unpaid }, meta: m });
  events.push({ type: 'CaseClosed', data: { outcome, result, lastStage: state.stage }, meta: m });
  return events;
}

/** Moves to `target`: a stage (entered), the current stage (stays), or a terminal outcome (closes). */
function transition(state: CaseState, pipeline: PipelineDefinition, target: string, m: EventMeta): CaseEvent[] {
  if (target === state.stage) return [];
  if (isTerminal(pipeline, target)) return close(state, pipeline, target, m);
  const stage = pipeline.stages[target]!;
  return [{ type: 'StageEntered', data: { stage: target, stageKind: stage.kind }, meta: m }];
}

function automatic(state: CaseState, pipeline: PipelineDefinition, trigger: AutomaticTrigger, m: EventMeta) {
  const target = currentStage(state, pipeline).automatic?.[trigger];
  if (!target) throw new Error(`Stage ${state.stage} of ${pipeline.id} has no automatic '${trigger}' transition`);
  return transition(state, pipeline, target, m);
}

/** The 编制储备 category a pipeline reserves its post from, if it does. */
function quotaCategoryOf(pipeline: PipelineDefinition) {
  return Object.values(pipeline.stages).find((stage) => stage.kind === 'quota')?.quotaCategory;
}

/** Where the case starts: the first stage, or where a round sends its candidates on. */
function entryStage(command: OpenCase): string {
  const { pipeline, round } = command;
  if (!round) return pipeline.initialStage;
  if (pipeline.roundEntryStage === undefined) {
    throw new DomainError(
      'ROUND_ENTRY_NOT_DEFINED',
      `Pipeline ${pipeline.id} version ${pipeline.version} (${pipeline.label}) does not take candidates from a recruitment round.`,
    );
  }
  if (quotaCategoryOf(pipeline) !== undefined && !round.placeHolder) {
    throw new DomainError(
      'INVALID_PAYLOAD',
      `round.placeHolder is required: a ${pipeline.label} case from a round takes the post the round holds in the year's plan.`,
    );
  }
  return pipeline.roundEntryStage;
}

function open(state: CaseState | undefined, command: OpenCase): CaseEvent[] {
  if (state) throw new DomainError('CASE_ALREADY_OPENED', `Case ${state.caseId} is already open.`);
  const { pipeline } = command;
  const stage = entryStage(command);
  const m = meta(command.actor, command.occurredAt);
  return [
    {
      type: 'CaseOpened',
      data: {
        caseId: command.caseId,
        kind: pipeline.kind,
        ...(pipeline.channel && { channel: pipeline.channel }),
        ...(pipeline.workstationType && { workstationType: pipeline.workstationType }),
        pipelineId: pipeline.id,
        pipelineVersion: pipeline.version,
        subject: command.subject,
        year: command.year,
        divisionCode: command.divisionCode,
        ...(command.round && { round: command.round }),
      },
      meta: m,
    },
    { type: 'StageEntered', data: { stage, stageKind: pipeline.stages[stage]!.kind }, meta: m },
  ];
}

/** The action's definition, if the caller may take it here and now; otherwise the rule it breaks. */
export function allowedAction(
  state: CaseState | undefined,
  pipeline: PipelineDefinition,
  action: string,
  actor: Actor,
  rules: CaseRules = 'current',
): ActionDefinition {
  const openState = requireOpen(state);
  requireNotSuspended(openState);
  const stage = currentStage(openState, pipeline);
  // Own properties only: an action named after an Object.prototype member is not an action.
  const definition = Object.hasOwn(stage.actions, action) ? stage.actions[action] : undefined;
  if (!definition) {
    const accepted = Object.keys(stage.actions);
    throw new DomainError(
      'STAGE_DOES_NOT_ACCEPT_ACTION',
      `Stage ${openState.stage} (${stage.label}) does not accept '${action}'` +
        (accepted.length ? `; it accepts: ${accepted.join(', ')}.` : '; it advances by itself.'),
    );
  }
  if (!definition.roles.includes(actor.role)) {
    throw new DomainError(
      'ROLE_NOT_ALLOWED',
      `'${action}' needs the role ${definition.roles.join(' or ')}; the caller is ${actor.role}.`,
    );
  }
  if (stage.kind === 'approval') requireFourEyes(openState, actor, rules);
  requireActionOrder(openState, stage, action, definition);
  return definition;
}

/** Actions that build on one another within a stage (复检结果 only after a 复检申请, one 申请 only). */
function requireActionOrder(state: CaseState, stage: StageDefinition, action: string, definition: ActionDefinition) {
  const taken = state.stageActions ?? [];
  const labelOf = (id: string) => stage.actions[id]?.label ?? id;
  const missing = (definition.requiresActions ?? []).filter((required) => !taken.includes(required));
  if (missing.length > 0) {
    throw new DomainError(
      'ACTION_OUT_OF_ORDER',
      `'${action}' (${definition.label}) needs ${missing.map((id) => `'${id}' (${labelOf(id)})`).join(', ')} first in stage ${state.stage} (${stage.label}).`,
    );
  }
  const ruledOut = (definition.refusedAfterActions ?? []).find((earlier) => taken.includes(earlier));
  if (ruledOut !== undefined) {
    throw new DomainError(
      'ACTION_OUT_OF_ORDER',
      `'${action}' (${definition.label}) is no longer possible in stage ${state.stage} (${stage.label}): '${ruledOut}' (${labelOf(ruledOut)}) was recorded.`,
    );
  }
}

const DAY_MS = 86_400_000;

function after(instant: string, period: Period): Date {
  const moved = addOfficeMonths(new Date(instant), period.months ?? 0);
  return new Date(moved.getTime() + (period.days ?? 0) * DAY_MS);
}

/** When, from the stage's entry, the action may be taken, and which payload dates may not lie ahead of it. */
function requireTimely(state: CaseState, stage: StageDefinition, command: TakeAction, definition: ActionDefinition) {
  const what = `'${command.action}' (${definition.label}) in stage ${state.stage} (${stage.label})`;
  const at = Date.parse(command.occurredAt);
  if (definition.withinDaysOfEntry !== undefined) {
    const until = after(state.stageEnteredAt, { days: definition.withinDaysOfEntry });
    if (at > until.getTime()) {
      throw new DomainError(
        'ACTION_TOO_LATE',
        `${what} is taken within ${definition.withinDaysOfEntry} days of ${state.stageEnteredAt}, until ${until.toISOString()}; occurredAt ${command.occurredAt} is later.`,
      );
    }
  }
  const lastPaidAt = state.subsidy?.lastPaidAt;
  if (definition.instalmentEvery !== undefined && lastPaidAt !== undefined) {
    const from = after(lastPaidAt, definition.instalmentEvery);
    if (at < from.getTime()) {
      throw new DomainError(
        'ACTION_TOO_EARLY',
        `${what} pays the next instalment from ${from.toISOString()} on (the last was paid ${lastPaidAt}); occurredAt ${command.occurredAt} is earlier.`,
      );
    }
  }
  if (definition.notBeforeOfEntry !== undefined) {
    const from = after(state.stageEnteredAt, definition.notBeforeOfEntry);
    if (at < from.getTime()) {
      throw new DomainError(
        'ACTION_TOO_EARLY',
        `${what} is taken from ${from.toISOString()} on (the stage began ${state.stageEnteredAt}); occurredAt ${command.occurredAt} is earlier.`,
      );
    }
  }
  const today = officeDate(new Date(command.occurredAt));
  for (const field of definition.pastDateFields ?? []) {
    const value = Object.hasOwn(command.payload, field) ? command.payload[field] : undefined;
    if (typeof value === 'string' && value > today) {
      throw new DomainError(
        'INVALID_PAYLOAD',
        `payload.${field} ${value} is after the action's date ${today}: it records a date that has passed.`,
      );
    }
  }
}

/** 四眼原则: whoever worked the case (in any role, at any stage) does not approve it. */
function requireFourEyes(state: CaseState, actor: Actor, rules: CaseRules): void {
  if (state.stageSubmittedBy?.id === actor.id) {
    throw new DomainError(
      'APPROVER_IS_SUBMITTER',
      `${actor.id} submitted this case for approval and cannot approve it; another approver must.`,
    );
  }
  if (rules === 'current' && state.workedBy?.includes(actor.id)) {
    throw new DomainError(
      'APPROVER_WORKED_CASE',
      `${actor.id} worked on this case earlier and cannot approve it; an approver who has not must.`,
    );
  }
}

function outcomeOf(definition: ActionDefinition, command: TakeAction): string {
  const outcomes = Object.keys(definition.outcomes);
  const chosen = Object.hasOwn(command.payload, 'outcome') ? command.payload.outcome : undefined;
  if (chosen === undefined && outcomes.length === 1) return outcomes[0]!;
  if (typeof chosen !== 'string' || !outcomes.includes(chosen)) {
    throw new DomainError(
      'OUTCOME_NOT_ALLOWED',
      `'${command.action}' needs payload.outcome to be one of: ${outcomes.join(', ')}.`,
    );
  }
  return chosen;
}

function takeAction(
  state: CaseState | undefined,
  pipeline: PipelineDefinition,
  command: TakeAction,
  rules: CaseRules,
): CaseEvent[] {
  const definition = allowedAction(state, pipeline, command.action, command.actor, rules);
  const openState = state!;
  const stage = currentStage(openState, pipeline);
  const m = meta(command.actor, command.occurredAt, command.reason);
  requireTimely(openState, stage, command, definition);
  if (definition.reasonRequired && !command.reason?.trim()) {
    throw new DomainError('INVALID_PAYLOAD', `reason is required to ${command.action} (${definition.label}).`);
  }
  const outcome = outcomeOf(definition, command);
  const taken: CaseEvent = {
    type: 'ActionTaken',
    data: { stage: openState.stage, action: command.action, outcome, payload: command.payload },
    meta: m,
  };
  if (stage.kind === 'payment') return [taken, ...payInstalment(openState, pipeline, command, m)];
  const target = definition.outcomes[outcome]!.to;
  if (definition.instalmentEvery !== undefined) {
    return [taken, instalmentPaid(openState, command, m), ...transition(openState, pipeline, target, m)];
  }
  const clawedBack = definition.clawsBackSubsidy ? clawBack(openState, m) : [];
  return [taken, ...clawedBack, ...transition(openState, pipeline, target, m)];
}

/** 违约退还: everything paid of the subsidy and not yet returned goes back into the fund. */
function clawBack(state: CaseState, m: EventMeta): CaseEvent[] {
  const subsidy = state.subsidy;
  const owed = subsidy ? subsidy.paidCny - (subsidy.clawedBackCny ?? 0) : 0;
  if (owed <= 0) return [];
  return [{ type: 'SubsidyClawedBack', data: { year: state.opened.year, amountCny: owed }, meta: m }];
}

/** 安家费/奖励补贴 paid in instalments from the committed amount; the last one completes the stage. */
function payInstalment(state: CaseState, pipeline: PipelineDefinition, command: TakeAction, m: EventMeta) {
  const paid = instalmentPaid(state, command, m);
  const subsidy = state.subsidy!;
  const after = { ...state, subsidy: { ...subsidy, paidCny: subsidy.paidCny + paid.data.amountCny } };
  return after.subsidy.paidCny === subsidy.committedCny ? [paid, ...automatic(after, pipeline, 'paid', m)] : [paid];
}

/** One instalment of the committed subsidy, of payload.amountCny, at most what is still unpaid. */
function instalmentPaid(state: CaseState, command: TakeAction, m: EventMeta): SubsidyInstalmentPaid {
  const subsidy = state.subsidy;
  const amount = command.payload.amountCny;
  const remaining = subsidy ? subsidy.committedCny - subsidy.paidCny : 0;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > remaining) {
    throw new DomainError(
      'INVALID_PAYLOAD',
      `payload.amountCny must be a whole number of yuan between 1 and the ${remaining} CNY still committed.`,
    );
  }
  return {
    type: 'SubsidyInstalmentPaid',
    data: { year: state.opened.year, instalment: subsidy!.instalmentsPaid + 1, amountCny: amount },
    meta: m,
  };
}

function noticeStage(state: CaseState | undefined, pipeline: PipelineDefinition): CaseState {
  const openState = requireOpen(state);
  if (currentStage(openState, pipeline).kind !== 'notice' || openState.noticeCompleted) {
    throw new DomainError('NO_NOTICE_RUNNING', `No public notice is running in stage ${openState.stage}.`);
  }
  return openState;
}

function requireRole(actor: Actor, roles: Actor['role'][], what: string): void {
  if (!roles.includes(actor.role)) {
    throw new DomainError(
      'ROLE_NOT_ALLOWED',
      `${what} needs the role ${roles.join(' or ')}; the caller is ${actor.role}.`,
    );
  }
}

/** An objection raised during a notice entered late is dated in it; one dated after its end is too late. */
function requireWithinNotice(state: CaseState, occurredAt: string): void {
  if (state.noticeEndsAt !== undefined && Date.parse(occurredAt) >= Date.parse(state.noticeEndsAt)) {
    throw new DomainError(
      'OUTSIDE_NOTICE_PERIOD',
      `The public notice ended at ${state.noticeEndsAt}; an objection dated ${occurredAt} came after it.`,
    );
  }
}

function confirmNoticeEnded(
  state: CaseState | undefined,
  pipeline: PipelineDefinition,
  command: ByOfficer,
): CaseEvent[] {
  requireRole(command.actor, ['hr_officer'], 'Confirming that a public notice has ended');
  const noticed = noticeStage(state, pipeline);
  requireNotSuspended(noticed);
  if (!noticed.noticeEndConfirmedByOfficer || noticed.noticeEndsAt === undefined) {
    throw new DomainError(
      'NOTICE_ENDS_BY_ITSELF',
      `This public notice ends by itself${noticed.noticeEndsAt ? ` at ${noticed.noticeEndsAt}` : ''}; nothing to confirm.`,
    );
  }
  if (Date.parse(command.occurredAt) < Date.parse(noticed.noticeEndsAt)) {
    throw new DomainError('NOTICE_NOT_OVER', `The public notice runs until ${noticed.noticeEndsAt}.`);
  }
  // The notice ended at its computed end; the confirmation only records that nothing was raised in it.
  const m = meta(command.actor, consequenceTime(noticed, noticed.noticeEndsAt));
  return [
    { type: 'NoticeCompleted', data: { stage: noticed.stage }, meta: m },
    ...automatic(noticed, pipeline, 'elapsed', m),
  ];
}

/**
 * The scheduling of a stage just entered, from the times the calendar gave it. A notice entered
 * after its end (catch-up entry) waits for the officer's 公示期满 confirmation, so an objection
 * raised during it can still be recorded; `lateNoticeWaits` says whether the case's rules have
 * that (histories recorded before them do not), and is asked only of such a notice.
 */
export function stageScheduling(
  times: StageTimes,
  occurredAt: string,
  acceptedAt: number,
  lateNoticeWaits: () => boolean = () => true,
): ScheduleStage {
  const overAlready =
    times.noticeEndsAt !== undefined && Date.parse(times.noticeEndsAt) <= acceptedAt && lateNoticeWaits();
  return {
    type: 'scheduleStage',
    occurredAt,
    ...times,
    ...(overAlready && { noticeEndConfirmedByOfficer: true }),
  };
}

/**
 * The times the calendar gave the stage a case is in, as the engine records them. Its one home:
 * the decider's scheduleStage, and the step that schedules a stage in the append that enters it.
 */
export function stageScheduled(stage: string, command: ScheduleStage): StageScheduled {
  const { type: _type, occurredAt, ...times } = command;
  return { type: 'StageScheduled', data: { stage, ...times }, meta: meta(SYSTEM_ACTOR, occurredAt) };
}

type ByOfficer = Extract<CaseCommand, { actor: Actor }>;

/** Every rule of a case: the events a command produces, or the DomainError it breaks. */
export function decideCase(
  state: CaseState | undefined,
  command: CaseCommand,
  pipeline: PipelineDefinition,
  rules: CaseRules = 'current',
): CaseEvent[] {
  requireInOrder(state, command.occurredAt, rules);
  switch (command.type) {
    case 'openCase':
      return open(state, command);
    case 'takeAction':
      return takeAction(state, pipeline, command, rules);
    case 'raiseObjection': {
      requireRole(command.actor, ['hr_officer'], 'Registering an objection');
      const noticed = noticeStage(state, pipeline);
      if (noticed.status === 'suspended') {
        throw new DomainError('OBJECTION_ALREADY_OPEN', 'An objection is already open; resolve it first.');
      }
      if (rules === 'current') requireWithinNotice(noticed, command.occurredAt);
      const m = meta(command.actor, command.occurredAt, command.grounds);
      return [{ type: 'ObjectionRaised', data: { stage: noticed.stage, grounds: command.grounds }, meta: m }];
    }
    case 'resolveObjection': {
      requireRole(command.actor, ['hr_officer', 'approver'], 'Resolving an objection');
      const noticed = noticeStage(state, pipeline);
      if (noticed.status !== 'suspended') throw new DomainError('NO_OBJECTION_OPEN', 'No objection is open.');
      if (rules === 'current' && noticed.objection?.raisedBy.id === command.actor.id) {
        throw new DomainError(
          'OBJECTION_RAISED_BY_CALLER',
          `${command.actor.id} registered this objection and cannot resolve it; another officer or an approver must.`,
        );
      }
      const m = meta(command.actor, command.occurredAt, command.reason);
      const resolved: CaseEvent = {
        type: 'ObjectionResolved',
        data: { stage: noticed.stage, upheld: command.upheld },
        meta: m,
      };
      return command.upheld ? [resolved, ...close(noticed, pipeline, DISQUALIFIED_OUTCOME, m)] : [resolved];
    }
    case 'withdraw':
    case 'reject': {
      requireRole(command.actor, ['hr_officer'], command.type === 'withdraw' ? 'Recording a withdrawal' : 'Rejecting');
      const outcome = command.type === 'withdraw' ? 'withdrawn' : 'rejected';
      return close(requireOpen(state), pipeline, outcome, meta(command.actor, command.occurredAt, command.reason));
    }
    case 'confirmNoticeEnded':
      return confirmNoticeEnded(state, pipeline, command);
    case 'scheduleStage':
      return [stageScheduled(requireOpen(state).stage, command)];
    case 'completeNotice': {
      const noticed = noticeStage(state, pipeline);
      requireNotSuspended(noticed);
      const m = meta(SYSTEM_ACTOR, command.occurredAt);
      return [
        { type: 'NoticeCompleted', data: { stage: noticed.stage }, meta: m },
        ...automatic(noticed, pipeline, 'elapsed', m),
      ];
    }
    case 'recordQuotaReserved': {
      const openState = requireOpen(state);
      const category = currentStage(openState, pipeline).quotaCategory!;
      const m = meta(SYSTEM_ACTOR, command.occurredAt);
      const reserved: CaseEvent = { type: 'QuotaReserved', data: { category, year: openState.opened.year }, meta: m };
      const after = { ...openState, quota: { category, status: 'reserved' as const } };
      return [reserved, ...automatic(after, pipeline, 'reserved', m)];
    }
    case 'recordQuotaRefused': {
      const openState = requireOpen(state);
      const category = currentStage(openState, pipeline).quotaCategory!;
      const m = meta(SYSTEM_ACTOR, command.occurredAt, command.reason);
      return [
        { type: 'QuotaRefused', data: { category, year: openState.opened.year }, meta: m },
        ...close(openState, pipeline, 'rejected', m),
      ];
    }
    case 'recordSubsidyCommitted': {
      const openState = requireOpen(state);
      const { amountCny, instalments } = currentStage(openState, pipeline).subsidy!;
      const m = meta(SYSTEM_ACTOR, command.occurredAt);
      return [{ type: 'SubsidyCommitted', data: { year: openState.opened.year, amountCny, instalments }, meta: m }];
    }
    case 'recordFundRefused': {
      // The year's talent fund cannot cover the subsidy the pipeline promises: the case stops here.
      const openState = requireOpen(state);
      return close(openState, pipeline, 'rejected', meta(SYSTEM_ACTOR, command.occurredAt, command.reason));
    }
    case 'markOverdue': {
      const openState = requireOpen(state);
      if (openState.overdue || !openState.deadlineAt) return [];
      const m = meta(SYSTEM_ACTOR, command.occurredAt);
      return [{ type: 'StageOverdue', data: { stage: openState.stage, deadlineAt: openState.deadlineAt }, meta: m }];
    }
    case 'recordFollowUpDue': {
      const openState = requireOpen(state);
      const m = meta(SYSTEM_ACTOR, command.occurredAt);
      return [{ type: 'FollowUpDue', data: { stage: openState.stage, number: openState.followUpsDue + 1 }, meta: m }];
    }
  }
}
