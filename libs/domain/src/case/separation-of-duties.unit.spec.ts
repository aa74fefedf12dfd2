import { builtInPipelines } from '@talent/pipelines';
import { deciderSpecification } from '@talent/testing';
import { SYSTEM_ACTOR, type Actor } from '../shared/roles';
import { availableActions } from './available-actions';
import type { CaseCommand } from './case-commands';
import type { CaseEvent } from './case-events';
import { type CaseState, evolve } from './case-state';
import { decideCase } from './decide-case';

const civilServant = builtInPipelines.find((definition) => definition.id === 'recruitment.civil_servant')!;
const officer: Actor = { id: 'officer-wang', role: 'hr_officer' };
const secondOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };
const approver: Actor = { id: 'leader-zhao', role: 'approver' };
/** officer-li, promoted after working the case. */
const promoted: Actor = { id: 'officer-li', role: 'approver' };
const at = '2024-06-03T02:00:00.000Z';

const spec = deciderSpecification<CaseState, CaseCommand, CaseEvent>({
  decide: (state, command) => decideCase(state, command, civilServant),
  evolve,
});

const event = <T extends CaseEvent['type']>(
  type: T,
  data: Extract<CaseEvent, { type: T }>['data'],
  actor: Actor = officer,
): CaseEvent => ({ type, data, meta: { actor, occurredAt: at } }) as CaseEvent;

const opened = event('CaseOpened', {
  caseId: 'c-1',
  kind: 'recruitment',
  channel: 'civil_servant',
  pipelineId: civilServant.id,
  pipelineVersion: civilServant.version,
  subject: { name: '张三' },
  year: 2024,
  divisionCode: '530000',
});
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
