import { builtInPipelines } from '@talent/pipelines';
import { SYSTEM_ACTOR, type Actor } from '../shared/roles';
import { availableActions } from './available-actions';
import { approver, eventsAt, officer, opened as openedAt, specFor } from './case-builders.spec';
import type { CaseCommand } from './case-commands';
import { type CaseState, evolve } from './case-state';
import { decideCase } from './decide-case';

const civilServant = builtInPipelines.find((definition) => definition.id === 'recruitment.civil_servant')!;
const secondOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };
/** officer-li, promoted after working the case. */
const promoted: Actor = { id: 'officer-li', role: 'approver' };
const at = '2024-06-03T02:00:00.000Z';

const spec = specFor(civilServant);
const event = eventsAt(at);
const opened = openedAt(civilServant, at);
const inApproval = [
  opened,
  event('StageEntered', { stage: 'physicalExam', stageKind: 'task' }),
  event('ActionTaken', { stage: 'physicalExam', action: 'record', outcome: 'pass', payload: {} }, secondOfficer),
  event('StageEntered', { stage: 'publicNotice', stageKind: 'notice' }, officer),
  event('NoticeCompleted', { stage: 'publicNotice' }, SYSTEM_ACTOR),
  event('StageEntered', { stage: 'approval', stageKind: 'approval' }, SYSTEM_ACTOR),
];
const approve = (actor: Actor): CaseCommand => ({
  type: 'takeAction',
  action: 'approve',
  payload: { opinion: '同意' },
  actor,
  occurredAt: at,
});

describe('four eyes over the whole case (四眼原则)', () => {
  it('refuses the approval to anyone who worked the case earlier, even in another role since', () => {
    spec.given(inApproval).when(approve(promoted)).thenThrows('APPROVER_WORKED_CASE');
  });

  it('lets an approver who never worked the case approve it', () => {
    spec
      .given(inApproval)
      .when(approve(approver))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered' }]);
  });

  it('does not offer the approval to whoever may not give it', () => {
    const state = inApproval.reduce<CaseState | undefined>(evolve, undefined)!;

    expect(availableActions(state, civilServant, promoted).map((action) => action.action)).not.toContain('approve');
    expect(availableActions(state, civilServant, approver).map((action) => action.action)).toContain('approve');
  });
});

describe('an objection during the public notice', () => {
  const objected = [
    opened,
    event('StageEntered', { stage: 'publicNotice', stageKind: 'notice' }),
    event('ObjectionRaised', { stage: 'publicNotice', grounds: '来信反映学历存疑' }, secondOfficer),
  ];

  it('is not resolved by the officer who registered it', () => {
    spec
      .given(objected)
      .when({ type: 'resolveObjection', upheld: false, reason: '查无实据', actor: secondOfficer, occurredAt: at })
      .thenThrows('OBJECTION_RAISED_BY_CALLER');
  });

  it('is resolved by another officer or an approver', () => {
    spec
      .given(objected)
      .when({ type: 'resolveObjection', upheld: false, reason: '查无实据', actor: officer, occurredAt: at })
      .then([{ type: 'ObjectionResolved', data: { stage: 'publicNotice', upheld: false } }]);
  });
});

describe('commands recorded under the original rules', () => {
  it('decide as they did when a workflow replays its history', () => {
    const state = inApproval.reduce<CaseState | undefined>(evolve, undefined);

    expect(decideCase(state, approve(promoted), civilServant, 'original')).toHaveLength(2);
  });
});
