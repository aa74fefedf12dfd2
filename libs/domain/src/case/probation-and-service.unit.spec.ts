import type { TakeAction } from './case-commands';
import type { CaseEvent } from './case-events';
import { availableActions } from './available-actions';
import { entered, event, latestPipeline, officer, opened, specFor } from './case-builders.spec';
import { type CaseState, evolve } from './case-state';

const civilServant = latestPipeline('recruitment.civil_servant');
const shortageTalent = latestPipeline('recruitment.shortage_talent');

const reported = '2023-06-08T02:00:00.000Z';
const elevenMonthsOn = '2024-05-08T02:00:00.000Z';
const aYearOn = '2024-06-08T02:00:00.000Z';
const aYearAndAMonthOn = '2024-07-08T02:00:00.000Z';
const fourYearsOn = '2028-06-07T02:00:00.000Z';
const fiveYearsOn = '2029-07-08T02:00:00.000Z';

const action = (name: string, occurredAt: string, payload: Record<string, unknown> = {}, reason?: string) =>
  ({
    type: 'takeAction',
    action: name,
    payload,
    actor: officer,
    occurredAt,
    ...(reason !== undefined && { reason }),
  }) satisfies TakeAction;

const taken = (stage: string, name: string, occurredAt: string, payload: Record<string, unknown> = {}) =>
  event('ActionTaken', { stage, action: name, outcome: 'done', payload }, occurredAt);

describe('试用期 (version 3)', () => {
  const spec = specFor(civilServant);
  const inProbation = [opened(civilServant, reported), entered(civilServant, 'probation', reported)];

  it('cannot be confirmed before it has run its year', () => {
    spec
      .given(inProbation)
      .when(action('confirm', elevenMonthsOn))
      .thenThrows('ACTION_TOO_EARLY', /'confirm' \(转正\) in stage probation \(试用期\) is taken from 2024-06-08/);
  });

  it('ends hired by 转正 once the 12 months are over', () => {
    spec
      .given(inProbation)
      .when(action('confirm', aYearOn))
      .then([
        { type: 'ActionTaken', data: { stage: 'probation', action: 'confirm', outcome: 'done', payload: {} } },
        { type: 'CaseClosed', data: { outcome: 'hired', result: 'success', lastStage: 'probation' } },
      ]);
  });

  it('needs a reason to cancel the appointment (取消录用)', () => {
    spec
      .given(inProbation)
      .when(action('cancelAppointment', elevenMonthsOn))
      .thenThrows('INVALID_PAYLOAD', /reason is required to cancelAppointment \(取消录用\)/);
  });

  it('ends 取消录用 at any time of the year, with the reason recorded', () => {
    spec
      .given(inProbation)
      .when(action('cancelAppointment', elevenMonthsOn, {}, '试用期考核不合格'))
      .then([
        { type: 'ActionTaken', meta: expect.objectContaining({ reason: '试用期考核不合格' }) },
        { type: 'CaseClosed', data: { outcome: 'appointmentCancelled', result: 'failure', lastStage: 'probation' } },
      ]);
  });

  it('tells a form that 取消录用 needs a reason', () => {
    const state = inProbation.reduce<CaseState | undefined>(evolve, undefined)!;
    expect(availableActions(state, civilServant, officer)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'confirm', reasonRequired: false }),
        expect.objectContaining({ action: 'cancelAppointment', reasonRequired: true }),
      ]),
    );
  });
});

describe('an introduced talent’s subsidy beside 试用期 and in the 服务期 (version 3)', () => {
  const spec = specFor(shortageTalent);
  const quota = event('QuotaReserved', { category: 'shortage_talent', year: 2023 }, '2023-02-01T02:00:00.000Z');
  const committed = event('SubsidyCommitted', { year: 2023, amountCny: 50_000, instalments: 2 }, reported);
  const paid = (instalment: number, occurredAt: string, stage: string): CaseEvent[] => [
    taken(stage, 'payInstalment', occurredAt, { amountCny: 25_000 }),
    event('SubsidyInstalmentPaid', { year: 2023, instalment, amountCny: 25_000 }, occurredAt),
  ];
  const inProbation = [
    opened(shortageTalent, '2023-02-01T02:00:00.000Z'),
    quota,
    entered(shortageTalent, 'probation', reported),
    committed,
  ];
  const firstPaid = [...inProbation, ...paid(1, '2023-12-20T02:00:00.000Z', 'probation')];
  const inService = [
    ...firstPaid,
    ...[taken('probation', 'confirm', aYearOn), entered(shortageTalent, 'servicePeriod', aYearOn)],
  ];

  it('is committed from the fund when 试用期 begins, no stage of its own before it', () => {
    expect(shortageTalent.stages.settlingIn).toBeUndefined();
    spec
      .given([
        opened(shortageTalent, '2023-02-01T02:00:00.000Z'),
        quota,
        entered(shortageTalent, 'probation', reported),
      ])
      .when({ type: 'recordSubsidyCommitted', occurredAt: reported })
      .then([{ type: 'SubsidyCommitted', data: { year: 2023, amountCny: 50_000, instalments: 2 } }]);
  });

  it('pays the first instalment on the first yearly assessment, within 试用期, and stays in it', () => {
    spec
      .given(inProbation)
      .when(action('payInstalment', '2023-12-20T02:00:00.000Z', { amountCny: 25_000 }))
      .then([
        { type: 'ActionTaken', data: expect.objectContaining({ action: 'payInstalment' }) },
        { type: 'SubsidyInstalmentPaid', data: { year: 2023, instalment: 1, amountCny: 25_000 } },
      ]);
  });

  it('pays no next instalment before 12 months after the last', () => {
    spec
      .given(inService)
      .when(action('payInstalment', '2024-12-19T02:00:00.000Z', { amountCny: 25_000 }))
      .thenThrows('ACTION_TOO_EARLY', /pays the next instalment from 2024-12-20.* \(the last was paid 2023-12-20/);
  });

  it('pays the next in the 服务期 on the next year’s assessment', () => {
    spec
      .given(inService)
      .when(action('payInstalment', '2024-12-20T02:00:00.000Z', { amountCny: 25_000 }))
      .then([
        { type: 'ActionTaken', data: expect.objectContaining({ stage: 'servicePeriod' }) },
        { type: 'SubsidyInstalmentPaid', data: { year: 2023, instalment: 2, amountCny: 25_000 } },
      ]);
  });

  it('leads from 转正 into the 服务期 instead of closing the case', () => {
    spec
      .given(firstPaid)
      .when(action('confirm', aYearOn))
      .then([{ type: 'ActionTaken' }, { type: 'StageEntered', data: { stage: 'servicePeriod', stageKind: 'task' } }]);
  });

  it('closes hired only when the 服务期 has run its five years', () => {
    spec
      .given(inService)
      .when(action('completeService', fourYearsOn))
      .thenThrows('ACTION_TOO_EARLY', /'completeService' \(服务期满\)/);
    spec
      .given([...inService, ...paid(2, '2024-12-20T02:00:00.000Z', 'servicePeriod')])
      .when(action('completeService', fiveYearsOn))
      .then([
        { type: 'ActionTaken' },
        { type: 'QuotaUsed', data: { category: 'shortage_talent', year: 2023 } },
        { type: 'CaseClosed', data: { outcome: 'hired', result: 'success', lastStage: 'servicePeriod' } },
      ]);
  });

  it('claws back what an early leaver was paid (违约退还), gives back the rest, and counts the post used', () => {
    spec
      .given(inService)
      .when(action('recordEarlyDeparture', aYearAndAMonthOn, {}, '服务期未满调离'))
      .then([
        { type: 'ActionTaken', data: expect.objectContaining({ action: 'recordEarlyDeparture' }) },
        { type: 'SubsidyClawedBack', data: { year: 2023, amountCny: 25_000 } },
        { type: 'QuotaUsed', data: { category: 'shortage_talent', year: 2023 } },
        { type: 'SubsidyReleased', data: { year: 2023, amountCny: 25_000 } },
        {
          type: 'CaseClosed',
          data: { outcome: 'leftServiceEarly', result: 'failure', lastStage: 'servicePeriod' },
          meta: expect.objectContaining({ reason: '服务期未满调离' }),
        },
      ]);
  });

  it('needs a reason to record an early departure', () => {
    spec
      .given(inService)
      .when(action('recordEarlyDeparture', aYearAndAMonthOn))
      .thenThrows('INVALID_PAYLOAD', /reason is required to recordEarlyDeparture \(提前离职\)/);
  });

  it('keeps what was paid in 试用期 when the appointment is cancelled, and frees the post and the rest', () => {
    spec
      .given(firstPaid)
      .when(action('cancelAppointment', elevenMonthsOn, {}, '试用期考核不合格'))
      .then([
        { type: 'ActionTaken' },
        { type: 'QuotaReleased', data: { category: 'shortage_talent', year: 2023 } },
        { type: 'SubsidyReleased', data: { year: 2023, amountCny: 25_000 } },
        { type: 'CaseClosed', data: { outcome: 'appointmentCancelled', result: 'failure', lastStage: 'probation' } },
      ]);
  });
});
