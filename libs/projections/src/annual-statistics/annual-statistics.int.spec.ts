import { PostgresEventStore } from '@talent/event-store';
import { action, caseStream, closed, objection, planStream } from '../../../../test/factories/case-events.factory';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { ProjectionRunner } from '../runtime/projection-runner';
import { annualStatisticsProjection } from './annual-statistics.projection';
import {
  annualStatistics,
  decodeFactsCursor,
  type FactsPage,
  type StatisticFact,
  statisticFacts,
} from './annual-statistics.query';

/**
 * A generated 2023 with the counts worked out by hand: 3 civil servants recruited (reported for
 * duty; one of them after an objection was dismissed), 1 withdrawn, 1 disqualified; 2 campus
 * teachers recruited and one who reported in 2024 (not counted); 1 shortage talent hired, 1 rejected after its post was reserved;
 * experts: 3 intents (2 workstations, 1 consultant), 1 appointed, 2 agreements, 1 academician
 * workstation established in 2023 and 1 in 2022; returning natives: 2 settled, 1 left again.
 */
function generatedYear() {
  return [
    ...[1, 2].map(() =>
      caseStream({
        kind: 'recruitment',
        channel: 'civil_servant',
        openedOn: '2023-03-01',
        steps: [action('2023-08-01', 'report'), closed('2023-09-01', 'hired')],
      }),
    ),
    caseStream({
      kind: 'recruitment',
      channel: 'civil_servant',
      openedOn: '2023-03-01',
      steps: [objection('2023-08-01'), action('2023-08-20', 'report'), closed('2023-09-02', 'hired')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'civil_servant',
      openedOn: '2023-03-01',
      steps: [closed('2023-05-01', 'withdrawn', 'failure')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'civil_servant',
      openedOn: '2023-03-01',
      steps: [objection('2023-08-01'), closed('2023-08-10', 'disqualified', 'failure')],
    }),
    ...[1, 2].map(() =>
      caseStream({
        kind: 'recruitment',
        channel: 'campus_teacher',
        openedOn: '2023-06-01',
        steps: [action('2023-07-01', 'report'), closed('2023-07-15', 'hired')],
      }),
    ),
    caseStream({
      kind: 'recruitment',
      channel: 'campus_teacher',
      openedOn: '2023-11-01',
      steps: [action('2024-01-05', 'report'), closed('2024-01-15', 'hired')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'shortage_talent',
      openedOn: '2023-02-01',
      steps: [action('2023-09-01', 'report'), closed('2023-10-01', 'hired')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'shortage_talent',
      openedOn: '2023-02-01',
      steps: [closed('2023-04-01', 'rejected', 'failure')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'civil_servant',
      openedOn: '2022-03-01',
      steps: [closed('2023-06-01', 'appointmentCancelled', 'failure')],
    }),
    caseStream({
      kind: 'recruitment',
      channel: 'high_level_talent',
      openedOn: '2021-02-01',
      steps: [closed('2023-11-01', 'leftServiceEarly', 'failure')],
    }),
    caseStream({
      kind: 'expert_workstation',
      workstationType: 'academician_workstation',
      openedOn: '2023-01-10',
      steps: [
        action('2023-01-20', 'recordIntent', 'workstation'),
        action('2023-02-10', 'signAgreement'),
        action('2023-06-18', 'name'),
      ],
    }),
    caseStream({
      kind: 'expert_workstation',
      workstationType: 'expert_workstation',
      openedOn: '2023-01-10',
      steps: [action('2023-01-20', 'recordIntent', 'workstation'), action('2023-03-01', 'signAgreement')],
    }),
    caseStream({
      kind: 'expert_workstation',
      workstationType: 'expert_workstation',
      openedOn: '2023-01-10',
      steps: [action('2023-01-21', 'recordIntent', 'consultant'), closed('2023-02-01', 'consultant_appointed')],
    }),
    caseStream({
      kind: 'expert_workstation',
      workstationType: 'academician_workstation',
      openedOn: '2022-01-10',
      steps: [action('2022-05-01', 'name')],
    }),
    ...[1, 2].map(() =>
      caseStream({ kind: 'returning_talent', openedOn: '2023-04-01', steps: [closed('2023-12-01', 'settled')] }),
    ),
    caseStream({
      kind: 'returning_talent',
      openedOn: '2023-04-01',
      steps: [closed('2023-12-01', 'left_again', 'failure')],
    }),
    planStream(2023, [
      { on: '2023-02-01', type: 'PlanOpened', data: { year: 2023 } },
      { on: '2023-02-01', type: 'PlanQuotaReserved', data: { caseId: 'a', category: 'shortage_talent' } },
      { on: '2023-02-01', type: 'PlanQuotaReserved', data: { caseId: 'b', category: 'shortage_talent' } },
      { on: '2023-04-01', type: 'PlanQuotaReleased', data: { caseId: 'b', category: 'shortage_talent' } },
      { on: '2023-09-01', type: 'PlanFundCommitted', data: { caseId: 'a', amountCny: 50_000 } },
      { on: '2023-09-10', type: 'PlanFundDisbursed', data: { caseId: 'a', amountCny: 20_000 } },
      { on: '2023-10-01', type: 'PlanQuotaUsed', data: { caseId: 'a', category: 'shortage_talent' } },
      { on: '2023-12-01', type: 'PlanFundReturned', data: { caseId: 'a', amountCny: 20_000 } },
    ]),
  ];
}

describe('annual statistics', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('statistics');
    store = new PostgresEventStore(db.pool);
    for (const { streamId, events } of generatedYear()) await store.append(streamId, 'no_stream', events);
    await new ProjectionRunner(db.pool, store, annualStatisticsProjection, { batchSize: 7 }).catchUp();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('counts the year by when things happened, as worked out by hand', async () => {
    const figures = await annualStatistics(db.pool, 2023);

    expect(figures.recruitment).toEqual({
      recruitedByChannel: { civil_servant: 3, campus_teacher: 2, shortage_talent: 1, high_level_talent: 0 },
      notHiredByOutcome: { rejected: 1, withdrawn: 1, disqualified: 1, appointmentCancelled: 1 },
      leftServiceEarlyByChannel: { shortage_talent: 0, high_level_talent: 1 },
      objections: 2,
    });
    expect(figures.quotas).toEqual({
      high_level_talent: { reserved: 0, released: 0, used: 0 },
      shortage_talent: { reserved: 2, released: 1, used: 1 },
    });
    expect(figures.fund).toEqual({ committedCny: 50_000, disbursedCny: 20_000, releasedCny: 0, returnedCny: 20_000 });
    expect(figures.expertCooperation).toEqual({
      cooperationIntents: 3,
      consultantsAppointed: 1,
      agreementsSigned: 2,
      workstationsEstablished: {
        expert_workstation: 0,
        academician_workstation: 1,
        grassroots_research_workstation: 0,
      },
      workstationsCumulative: { expert_workstation: 0, academician_workstation: 2, grassroots_research_workstation: 0 },
    });
    expect(figures.returningTalents).toEqual({
      settled: 2,
      not_returning: 0,
      left_again: 1,
      withdrawn: 0,
      rejected: 0,
    });
    expect((await annualStatistics(db.pool, 2024)).recruitment.recruitedByChannel.campus_teacher).toBe(1);
  });

  it('names the events behind every figure', async () => {
    const { items: facts, nextCursor } = await statisticFacts(
      db.pool,
      { year: 2023, metric: 'recruited', dimension: 'civil_servant' },
      { limit: 100 },
    );

    expect(facts).toHaveLength(3);
    expect(nextCursor).toBeNull();
    const { rows } = await db.pool.query('SELECT event_type FROM events WHERE event_id = ANY($1)', [
      facts.map((f) => f.eventId),
    ]);
    expect(rows.map((row) => row.event_type)).toEqual(['ActionTaken', 'ActionTaken', 'ActionTaken']);
  });

  it('pages through the facts by cursor, each once, in the order they happened', async () => {
    const query = { year: 2024, metric: 'cases_opened', cumulative: true };
    const all = (await statisticFacts(db.pool, query, { limit: 1000 })).items;
    const paged: StatisticFact[] = [];
    let after: FactsPage['after'];
    for (;;) {
      const page = await statisticFacts(db.pool, query, { limit: 2, ...(after && { after }) });
      paged.push(...page.items);
      if (!page.nextCursor) break;
      after = decodeFactsCursor(page.nextCursor);
    }

    expect(all.length).toBeGreaterThan(4);
    expect(paged).toEqual(all);
    expect(all.map((fact) => fact.occurredAt)).toEqual(all.map((fact) => fact.occurredAt).sort());
  });

  it('refuses a cursor it did not give out', () => {
    const forged = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

    expect(decodeFactsCursor(forged(['2023-01-01T00:00:00.000Z', 'not-a-uuid', 'x']))).toBeUndefined();
    expect(decodeFactsCursor(forged(['2023-01-01', '5b0e4c1e-8a43-5f5e-9c1a-2f7d3e6b9a10', 'x']))).toBeUndefined();
    expect(decodeFactsCursor('%%%')).toBeUndefined();
  });

  it('gives the figures as they stood on a date, by when facts were recorded', async () => {
    const before = await annualStatistics(db.pool, 2023, { asOf: new Date('2020-01-01T00:00:00Z') });

    expect(before.recruitment.recruitedByChannel.civil_servant).toBe(0);
    expect(before.asOf).toBe('2020-01-01T00:00:00.000Z');
  });

  it('rebuilds into tables equal to the incrementally built ones', async () => {
    const snapshot = () =>
      db.pool.query(
        'SELECT year, metric, dimension, amount, event_id FROM annual_statistic_facts ORDER BY event_id, metric',
      );
    const incremental = (await snapshot()).rows;

    await new ProjectionRunner(db.pool, store, annualStatisticsProjection, { batchSize: 3 }).rebuild();

    expect((await snapshot()).rows).toEqual(incremental);
  });
});
