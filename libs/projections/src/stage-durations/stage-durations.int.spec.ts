import { PostgresEventStore } from '@talent/event-store';
import { caseStream, closed } from '../../../../test/factories/case-events.factory';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { ProjectionRunner } from '../runtime/projection-runner';
import { stageDurationsProjection } from './stage-durations.projection';
import { stageDurations } from './stage-durations.query';

const entered = (on: string, stage: string) => ({ on, type: 'StageEntered', data: { stage, stageKind: 'task' } });

describe('stage durations', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('stage_durations');
    store = new PostgresEventStore(db.pool);
    // Qualification review took 2, 4 and 30 days; one case still waits in the written exam.
    const streams = [
      ['2023-03-03', '2023-03-10'],
      ['2023-03-05', '2023-03-06'],
      ['2023-03-31', null],
    ].map(([reviewed, examined]) =>
      caseStream({
        kind: 'recruitment',
        channel: 'civil_servant',
        openedOn: '2023-03-01',
        steps: [
          entered('2023-03-01', 'qualificationReview'),
          entered(reviewed!, 'writtenExam'),
          ...(examined ? [closed(examined, 'rejected', 'failure')] : []),
        ],
      }),
    );
    for (const { streamId, events } of streams) await store.append(streamId, 'no_stream', events);
    await new ProjectionRunner(db.pool, store, stageDurationsProjection, { batchSize: 2 }).catchUp();
  });

  afterAll(async () => {
    await db?.close();
  });

  it('measures each stage visit by when it happened, slowest stages first', async () => {
    const rows = await stageDurations(db.pool, 2023, 'recruitment', new Date('2023-04-10T02:00:00Z'));

    expect(rows).toEqual([
      {
        kind: 'recruitment',
        stage: 'qualificationReview',
        completed: 3,
        medianDays: 4,
        p90Days: 24.8,
        maxDays: 30,
        current: 0,
        longestCurrentDays: null,
      },
      {
        kind: 'recruitment',
        stage: 'writtenExam',
        completed: 2,
        medianDays: 4,
        p90Days: 6.4,
        maxDays: 7,
        current: 1,
        longestCurrentDays: 10,
      },
    ]);
  });

  it('rebuilds into a table equal to the incrementally built one', async () => {
    const snapshot = async () => (await db.pool.query('SELECT * FROM stage_durations ORDER BY case_id, seq')).rows;
    const incremental = await snapshot();

    await new ProjectionRunner(db.pool, store, stageDurationsProjection, { batchSize: 100 }).rebuild();

    expect(await snapshot()).toEqual(incremental);
  });
});
