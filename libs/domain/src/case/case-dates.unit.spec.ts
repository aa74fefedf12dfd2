import { builtInPipelines } from '@talent/pipelines';
import { SYSTEM_ACTOR, type Actor } from '../shared/roles';
import { availableActions } from './available-actions';
import { event, officer, opened as openedAt, specFor } from './case-builders.spec';
import type { CaseEvent } from './case-events';
import { type CaseState, evolve } from './case-state';
import { consequenceTime, decideCase, stageScheduling } from './decide-case';

const civilServant = builtInPipelines.find((definition) => definition.id === 'recruitment.civil_servant')!;
const secondOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };

const spec = specFor(civilServant);

const on = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const opened = openedAt(civilServant, on('2024-06-03'));
const noticeEntered = event('StageEntered', { stage: 'publicNotice', stageKind: 'notice' }, on('2024-07-01'));
const noticeScheduled = (extra: { noticeEndConfirmedByOfficer?: boolean } = {}) =>
  event(
    'StageScheduled',
    { stage: 'publicNotice', noticeEndsAt: on('2024-07-06', 0), ...extra },
    on('2024-07-01'),
    SYSTEM_ACTOR,
  );
const stateOf = (events: CaseEvent[]) => events.reduce<CaseState | undefined>(evolve, undefined)!;

describe('business time of a case', () => {
  it('refuses a fact dated before the last fact recorded, naming both', () => {
    spec
      .given([opened, event('StageEntered', { stage: 'writtenExam', stageKind: 'task' }, on('2024-06-10'))])
      .when({
        type: 'takeAction',
        action: 'record',
        payload: { outcome: 'pass' },
        actor: officer,
        occurredAt: on('2024-06-09'),
      })
      .thenThrows('OCCURRED_BEFORE_LAST_FACT', /2024-06-09.*before.*2024-06-10/);
  });

  it('dates what the engine does by itself at its scheduled moment, or at its cause, never before the last fact', () => {
    const state = stateOf([opened, noticeEntered, noticeScheduled()]);

    expect(consequenceTime(state)).toBe(on('2024-07-01'));
    expect(consequenceTime(state, on('2024-07-06', 0))).toBe(on('2024-07-06', 0));
    expect(consequenceTime(state, on('2024-06-01'))).toBe(on('2024-07-01'));
  });

  it('enters the stage after a notice at the notice’s end, so its deadline counts from then', () => {
    const [, entered] = spec
      .given([opened, noticeEntered, noticeScheduled()])
      .when({ type: 'completeNotice', occurredAt: on('2024-07-06', 0) })
      .events();

    expect(entered).toMatchObject({ type: 'StageEntered', meta: { occurredAt: on('2024-07-06', 0) } });
  });
});

describe('a public notice entered after it ended (catch-up entry)', () => {
  const lateNotice = [opened, noticeEntered, noticeScheduled({ noticeEndConfirmedByOfficer: true })];

  it('takes an objection dated during the notice', () => {
    spec
      .given(lateNotice)
      .when({ type: 'raiseObjection', grounds: '来信反映', actor: officer, occurredAt: on('2024-07-03') })
      .then([{ type: 'ObjectionRaised', meta: { actor: officer, occurredAt: on('2024-07-03'), reason: '来信反映' } }]);
  });

  it('refuses an objection dated after the notice ended', () => {
    spec
      .given(lateNotice)
      .when({ type: 'raiseObjection', grounds: '来信反映', actor: officer, occurredAt: on('2024-07-08') })
      .thenThrows('OUTSIDE_NOTICE_PERIOD');
  });

  it('refuses an objection dated before the notice began', () => {
    spec
      .given(lateNotice)
      .when({ type: 'raiseObjection', grounds: '来信反映', actor: officer, occurredAt: on('2024-06-28') })
      .thenThrows('OCCURRED_BEFORE_LAST_FACT');
  });

  it('ends on an officer’s 公示期满 confirmation, dated at the notice’s end', () => {
    spec
      .given(lateNotice)
      .when({ type: 'confirmNoticeEnded', actor: officer, occurredAt: on('2024-08-01') })
      .then([
        { type: 'NoticeCompleted', meta: { actor: officer, occurredAt: on('2024-07-06', 0) } },
        { type: 'StageEntered', data: { stage: 'approval', stageKind: 'approval' } },
      ]);
  });

  it('is offered to the officer as 确认公示期满, beside an objection', () => {
    const actions = availableActions(stateOf(lateNotice), civilServant, officer).map((action) => action.action);

    expect(actions).toEqual(expect.arrayContaining(['confirmNoticeEnded', 'raiseObjection']));
  });

  it('cannot be confirmed while an objection is open, nor a notice that ends by itself', () => {
    spec
      .given([...lateNotice, event('ObjectionRaised', { stage: 'publicNotice', grounds: '来信' }, on('2024-07-03'))])
      .when({ type: 'confirmNoticeEnded', actor: secondOfficer, occurredAt: on('2024-08-01') })
      .thenThrows('CASE_SUSPENDED');
    spec
      .given([opened, noticeEntered, noticeScheduled()])
      .when({ type: 'confirmNoticeEnded', actor: officer, occurredAt: on('2024-08-01') })
      .thenThrows('NOTICE_ENDS_BY_ITSELF');
  });
});

describe('actions are looked up as the stage’s own', () => {
  it('refuses an action named after an Object.prototype member as one the stage does not accept', () => {
    spec
      .given([opened, event('StageEntered', { stage: 'writtenExam', stageKind: 'task' }, on('2024-06-10'))])
      .when({ type: 'takeAction', action: 'constructor', payload: {}, actor: officer, occurredAt: on('2024-06-11') })
      .thenThrows('STAGE_DOES_NOT_ACCEPT_ACTION');
  });
});

describe('the scheduling of a stage just entered', () => {
  const entered = stateOf([opened, noticeEntered]);
  const schedule = (acceptedAt: string) =>
    decideCase(
      entered,
      stageScheduling({ noticeEndsAt: on('2024-07-06', 0) }, on('2024-07-01'), Date.parse(acceptedAt)),
      civilServant,
    );

  it('records the times the calendar gave the stage, and nothing else', () => {
    expect(schedule(on('2024-07-02'))).toEqual([noticeScheduled()]);
  });

  it('leaves a notice entered after its end to an officer’s confirmation', () => {
    expect(schedule(on('2024-07-08'))).toEqual([noticeScheduled({ noticeEndConfirmedByOfficer: true })]);
  });
});
