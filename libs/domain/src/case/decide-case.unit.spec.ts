import { builtInPipelines } from '@talent/pipelines';
import type { Actor } from '../shared/roles';
import { approver, eventsAt, officer, opened as openedAt, specFor } from './case-builders.spec';
import type { PipelineDefinition, StageKind } from './pipeline';

const pipeline = (id: string): PipelineDefinition => builtInPipelines.find((definition) => definition.id === id)!;
const civilServant = pipeline('recruitment.civil_servant');
const shortageTalent = pipeline('recruitment.shortage_talent');

const otherOfficer: Actor = { id: 'officer-li', role: 'hr_officer' };
const at = '2023-06-01T02:00:00.000Z';

const event = eventsAt(at);
const opened = (definition: PipelineDefinition) => openedAt(definition, at);
const entered = (stage: string, stageKind: StageKind = 'task', actor = officer) =>
  event('StageEntered', { stage, stageKind }, actor);

describe('a recruitment case', () => {
  const spec = specFor(civilServant);

  it('opens at the pipeline’s first stage', () => {
    spec
      .given([])
      .when({
        type: 'openCase',
        caseId: 'c-1',
        pipeline: civilServant,
        subject: { name: '张三' },
        year: 2023,
        divisionCode: '530000',
        actor: officer,
        occurredAt: at,
      })
      .then([{ type: 'CaseOpened' }, { type: 'StageEntered', data: { stage: 'application', stageKind: 'task' } }]);
  });

  it('moves on when an officer records a pass', () => {
    spec
      .given([opened(civilServant), entered('writtenExam')])
      .when({
        type: 'takeAction',
        action: 'record',
        payload: { outcome: 'pass', score: 81 },
        actor: officer,
        occurredAt: at,
      })
      .then([
        {
          type: 'ActionTaken',
          data: { stage: 'writtenExam', action: 'record', outcome: 'pass', payload: { outcome: 'pass', score: 81 } },
        },
        { type: 'StageEntered', data: { stage: 'interview', stageKind: 'task' } },
      ]);
  });

  it('closes as rejected when the candidate fails', () => {
    spec
      .given([opened(civilServant), entered('interview')])
      .when({ type: 'takeAction', action: 'record', payload: { outcome: 'fail' }, actor: officer, occurredAt: at })
      .then([
        { type: 'ActionTaken' },
        { type: 'CaseClosed', data: { outcome: 'rejected', result: 'failure', lastStage: 'interview' } },
      ]);
  });

  it('refuses an action the stage does not accept, naming what it accepts', () => {
    spec
      .given([opened(civilServant), entered('writtenExam')])
      .when({ type: 'takeAction', action: 'approve', payload: {}, actor: approver, occurredAt: at })
      .thenThrows('STAGE_DOES_NOT_ACCEPT_ACTION', /writtenExam \(笔试\) does not accept 'approve'; it accepts: record/);
  });

  it('refuses an action to a role that may not take it', () => {
    spec
      .given([opened(civilServant), entered('writtenExam')])
      .when({ type: 'takeAction', action: 'record', payload: { outcome: 'pass' }, actor: approver, occurredAt: at })
      .thenThrows('ROLE_NOT_ALLOWED', /needs the role hr_officer; the caller is approver/);
  });

  it('refuses an outcome the action does not have', () => {
    spec
      .given([opened(civilServant), entered('writtenExam')])
      .when({ type: 'takeAction', action: 'record', payload: { outcome: 'maybe' }, actor: officer, occurredAt: at })
      .thenThrows('OUTCOME_NOT_ALLOWED', /one of: pass, fail/);
  });

  describe('approval', () => {
    const submittedByApprover: Actor = { id: 'leader-zhao', role: 'approver' };

    it('is refused to the one who submitted the case for approval', () => {
      spec
        .given([opened(civilServant), entered('approval', 'approval', submittedByApprover)])
        .when({ type: 'takeAction', action: 'approve', payload: { opinion: '同意' }, actor: approver, occurredAt: at })
        .thenThrows('APPROVER_IS_SUBMITTER');
    });

    it('is given by another approver, even after the notice passed to it automatically', () => {
      spec
        .given([
          opened(civilServant),
          entered('publicNotice', 'notice', otherOfficer),
          event('NoticeCompleted', { stage: 'publicNotice' }, { id: 'system', role: 'admin' }),
          entered('approval', 'approval', { id: 'system', role: 'admin' }),
        ])
        .when({
          type: 'takeAction',
          action: 'approve',
          payload: { opinion: '同意录用' },
          actor: approver,
          occurredAt: at,
        })
        .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'onboarding', stageKind: 'task' } }]);
    });
  });

  describe('public notice', () => {
    const inNotice = [opened(civilServant), entered('publicNotice', 'notice')];

    it('is suspended by an objection and cannot complete until it is resolved', () => {
      const objection = event('ObjectionRaised', { stage: 'publicNotice', grounds: '学历存疑' });
      spec
        .given([...inNotice, objection])
        .when({ type: 'completeNotice', occurredAt: at })
        .thenThrows('CASE_SUSPENDED');
      spec
        .given([...inNotice, objection])
        .when({ type: 'takeAction', action: 'record', payload: {}, actor: officer, occurredAt: at })
        .thenThrows('CASE_SUSPENDED');
    });

    it('disqualifies the candidate when the objection is upheld', () => {
      spec
        .given([...inNotice, event('ObjectionRaised', { stage: 'publicNotice', grounds: '学历存疑' })])
        .when({ type: 'resolveObjection', upheld: true, reason: '核实学历造假', actor: approver, occurredAt: at })
        .then([
          { type: 'ObjectionResolved', data: { stage: 'publicNotice', upheld: true } },
          { type: 'CaseClosed', data: { outcome: 'disqualified', result: 'failure', lastStage: 'publicNotice' } },
        ]);
    });

    it('goes on to approval when it runs out without an open objection', () => {
      spec
        .given(inNotice)
        .when({ type: 'completeNotice', occurredAt: at })
        .then([
          { type: 'NoticeCompleted' },
          { type: 'StageEntered', data: { stage: 'approval', stageKind: 'approval' } },
        ]);
    });
  });

  it('can be withdrawn from any open stage, with the reason recorded', () => {
    const [closed] = spec
      .given([opened(civilServant), entered('physicalExam')])
      .when({ type: 'withdraw', reason: '考生放弃', actor: officer, occurredAt: at })
      .events();

    expect(closed).toMatchObject({ type: 'CaseClosed', data: { outcome: 'withdrawn' }, meta: { reason: '考生放弃' } });
  });

  it('refuses anything once closed', () => {
    spec
      .given([
        opened(civilServant),
        entered('interview'),
        event('CaseClosed', { outcome: 'withdrawn', result: 'failure', lastStage: 'interview' }),
      ])
      .when({ type: 'reject', reason: 'x', actor: officer, occurredAt: at })
      .thenThrows('CASE_NOT_OPEN');
  });
});

describe('an introduced-talent case and the annual plan', () => {
  const spec = specFor(shortageTalent);
  const withQuota = [
    opened(shortageTalent),
    entered('quotaReservation', 'quota'),
    event('QuotaReserved', { category: 'shortage_talent', year: 2023 }),
    entered('application'),
  ];

  it('goes on to application once its post is reserved', () => {
    spec
      .given([opened(shortageTalent), entered('quotaReservation', 'quota')])
      .when({ type: 'recordQuotaReserved', occurredAt: at })
      .then([
        { type: 'QuotaReserved', data: { category: 'shortage_talent', year: 2023 } },
        { type: 'StageEntered', data: { stage: 'application', stageKind: 'task' } },
      ]);
  });

  it('gives its post back when rejected after the reservation', () => {
    spec
      .given(withQuota)
      .when({ type: 'reject', reason: '材料不全', actor: officer, occurredAt: at })
      .then([{ type: 'QuotaReleased', data: { category: 'shortage_talent', year: 2023 } }, { type: 'CaseClosed' }]);
  });

  it('pays the subsidy in instalments and moves to probation with the last one', () => {
    const paying = [
      ...withQuota,
      entered('settlingIn', 'payment'),
      event('SubsidyCommitted', { year: 2023, amountCny: 50_000, instalments: 2 }),
    ];
    spec
      .given(paying)
      .when({
        type: 'takeAction',
        action: 'payInstalment',
        payload: { amountCny: 20_000 },
        actor: officer,
        occurredAt: at,
      })
      .then([
        { type: 'ActionTaken' },
        { type: 'SubsidyInstalmentPaid', data: { year: 2023, instalment: 1, amountCny: 20_000 } },
      ]);
    spec
      .given([...paying, event('SubsidyInstalmentPaid', { year: 2023, instalment: 1, amountCny: 20_000 })])
      .when({
        type: 'takeAction',
        action: 'payInstalment',
        payload: { amountCny: 30_000 },
        actor: officer,
        occurredAt: at,
      })
      .then([
        { type: 'ActionTaken' },
        { type: 'SubsidyInstalmentPaid', data: { year: 2023, instalment: 2, amountCny: 30_000 } },
        { type: 'StageEntered', data: { stage: 'probation', stageKind: 'task' } },
      ]);
    spec
      .given(paying)
      .when({
        type: 'takeAction',
        action: 'payInstalment',
        payload: { amountCny: 60_000 },
        actor: officer,
        occurredAt: at,
      })
      .thenThrows('INVALID_PAYLOAD', /between 1 and the 50000 CNY still committed/);
  });

  it('uses its post when hired', () => {
    spec
      .given([...withQuota, entered('probation')])
      .when({ type: 'takeAction', action: 'record', payload: { outcome: 'pass' }, actor: officer, occurredAt: at })
      .then([
        { type: 'ActionTaken' },
        { type: 'QuotaUsed', data: { category: 'shortage_talent', year: 2023 } },
        { type: 'CaseClosed', data: { outcome: 'hired', result: 'success', lastStage: 'probation' } },
      ]);
  });

  it('closes as rejected when the plan has no post left', () => {
    spec
      .given([opened(shortageTalent), entered('quotaReservation', 'quota')])
      .when({
        type: 'recordQuotaRefused',
        reason: 'All 10 shortage_talent posts of 2023 are reserved or used.',
        occurredAt: at,
      })
      .then([
        { type: 'QuotaRefused' },
        { type: 'CaseClosed', data: { outcome: 'rejected', result: 'failure', lastStage: 'quotaReservation' } },
      ]);
  });
});
