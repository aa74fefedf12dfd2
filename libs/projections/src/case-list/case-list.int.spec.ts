import type { QueryRunner } from 'typeorm';
import { PostgresEventStore } from '@talent/event-store';
import { action, caseStream, closed, objection } from '../../../../test/factories/case-events.factory';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { ProjectionRunner } from '../runtime/projection-runner';
import { caseListProjection } from './case-list.projection';
import { listCases } from './case-list.query';
import { AddCaseListHandlingOfficer1764000032000 } from '../migrations/1764000032000-add-case-list-handling-officer';
import { AddCaseListSubmittedBy1764000034000 } from '../migrations/1764000034000-add-case-list-submitted-by';

const entered = (on: string, stage: string) => ({ on, type: 'StageEntered', data: { stage, stageKind: 'task' } });
const overdue = (on: string, stage: string) => ({ on, type: 'StageOverdue', data: { stage, deadlineAt: on } });
const scheduled = (on: string, stage: string, deadlineAt: string) => ({
  on,
  type: 'StageScheduled',
  data: { stage, deadlineAt },
});

describe('the case list read model', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('case_list');
    store = new PostgresEventStore(db.pool);
    const streams = [
      caseStream({
        kind: 'recruitment',
        channel: 'civil_servant',
        openedOn: '2023-03-01',
        name: '张三丰',
        steps: [
          entered('2023-03-01', 'application'),
          action('2023-03-02', 'register'),
          entered('2023-03-02', 'qualificationReview'),
          scheduled('2023-03-02', 'qualificationReview', '2023-03-16T10:00:00+08:00'),
          overdue('2023-03-20', 'qualificationReview'),
        ],
      }),
      caseStream({
        kind: 'recruitment',
        channel: 'civil_servant',
        openedOn: '2023-03-02',
        name: '李四',
        openedBy: { id: 'hr-system', role: 'api_client' },
        steps: [
          entered('2023-03-02', 'publicNotice'),
          scheduled('2023-03-02', 'publicNotice', '2023-03-30T10:00:00+08:00'),
          objection('2023-03-03'),
        ],
      }),
      caseStream({
        kind: 'returning_talent',
        openedOn: '2023-03-03',
        openedBy: { id: 'officer-li', role: 'hr_officer' },
        steps: [entered('2023-03-03', 'registered'), closed('2023-03-04', 'not_returning', 'failure')],
      }),
    ];
    for (const { streamId, events } of streams) await store.append(streamId, 'no_stream', events);
    // Small batches: a case's events are split across batches and folded onto the stored row.
    await new ProjectionRunner(db.pool, store, caseListProjection, { batchSize: 2 }).catchUp();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('keeps each case’s stage, status, outcome and overdue flag', async () => {
    const { items } = await listCases(db.pool, {}, { limit: 10 });

    expect(
      items.map(({ kind, stage, status, outcome, overdue }) => ({ kind, stage, status, outcome, overdue })),
    ).toEqual([
      { kind: 'returning_talent', stage: 'registered', status: 'closed', outcome: 'not_returning', overdue: false },
      { kind: 'recruitment', stage: 'publicNotice', status: 'suspended', outcome: null, overdue: false },
      { kind: 'recruitment', stage: 'qualificationReview', status: 'open', outcome: null, overdue: true },
    ]);
    expect((await listCases(db.pool, { overdue: true }, { limit: 10 })).items).toHaveLength(1);
  });

  it('finds cases by part of the name, by deadline and by stage within a pipeline version', async () => {
    const names = async (filters: Parameters<typeof listCases>[1]) =>
      (await listCases(db.pool, filters, { limit: 10 })).items.map((item) => item.subjectName);

    expect(await names({ name: '三' })).toEqual(['张三丰']);
    expect(await names({ name: '%' })).toEqual([]);
    expect(await names({ dueBefore: '2023-03-20T00:00:00+08:00' })).toEqual(['张三丰']);
    expect(await names({ dueBefore: '2023-04-01T00:00:00+08:00' })).toEqual(['李四', '张三丰']);
    expect(await names({ stages: [{ pipelineId: 'x', pipelineVersion: 1, stage: 'publicNotice' }] })).toEqual(['李四']);
    expect(await names({ stages: [{ pipelineId: 'x', pipelineVersion: 2, stage: 'publicNotice' }] })).toEqual([]);
    expect(await names({ stages: [] })).toEqual([]);
  });

  it('knows who handles each case: whoever opened it, or the first officer to work one another system opened', async () => {
    const handled = async (handlingOfficer: string) =>
      (await listCases(db.pool, { handlingOfficer }, { limit: 10 })).items.map((item) => item.kind);

    expect(await handled('officer-li')).toEqual(['returning_talent']);
    expect(await handled('officer-wang')).toEqual(['recruitment', 'recruitment']);
    expect(await handled('hr-system')).toEqual([]);
  });

  it('knows who moved each case into its stage, and fills that in for cases listed before', async () => {
    const submitters = async () =>
      (await listCases(db.pool, {}, { limit: 10 })).items.map(({ subjectName, submittedBy }) => [
        subjectName,
        submittedBy,
      ]);
    const projected = await submitters();
    const runner = { query: (sql: string) => db.pool.query(sql) } as unknown as QueryRunner;
    const migration = new AddCaseListSubmittedBy1764000034000();

    await migration.down(runner);
    await migration.up(runner);

    expect(projected).toEqual([
      ['某人', 'officer-wang'],
      ['李四', 'officer-wang'],
      ['张三丰', 'officer-wang'],
    ]);
    expect(await submitters()).toEqual(projected);
  });

  it('fills in the handling officer of cases listed before the column existed, from their events', async () => {
    const snapshot = async () => (await db.pool.query('SELECT * FROM case_list ORDER BY case_id')).rows;
    const projected = await snapshot();
    // The migration issues SQL only: a pool stands in for TypeORM's query runner.
    const runner = { query: (sql: string) => db.pool.query(sql) } as unknown as QueryRunner;
    const migration = new AddCaseListHandlingOfficer1764000032000();

    await migration.down(runner);
    await migration.up(runner);

    expect(await snapshot()).toEqual(projected);
  });

  it('rebuilds into a table equal to the incrementally built one', async () => {
    const snapshot = async () => (await db.pool.query('SELECT * FROM case_list ORDER BY case_id')).rows;
    const incremental = await snapshot();

    await new ProjectionRunner(db.pool, store, caseListProjection, { batchSize: 100 }).rebuild();

    expect(await snapshot()).toEqual(incremental);
  });
});
