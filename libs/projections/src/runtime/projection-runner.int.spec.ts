import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type NewEvent, PostgresEventStore } from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { activityByDayProjection } from '../activity-by-day/activity-by-day.projection';
import type { Projection } from './projection';
import { measureProjectionLag } from './projection-lag';
import { ProjectionRunner } from './projection-runner';

const day = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** 3 days × 2 stream types × 2 event types, with known counts. */
function scenario(): Array<{ streamId: string; events: NewEvent[] }> {
  const cases = Array.from({ length: 7 }, (_, index) => ({
    streamId: `case-${randomUUID()}`,
    events: [
      { type: 'CaseOpened', data: { index }, occurredAt: day('2023-03-01') },
      { type: 'StageEntered', data: { index }, occurredAt: day('2023-03-02') },
      { type: 'StageEntered', data: { index }, occurredAt: day('2023-03-02', 23) },
    ],
  }));
  const plans = Array.from({ length: 2 }, () => ({
    streamId: `plan-${randomUUID()}`,
    events: [{ type: 'QuotaReserved', data: {}, occurredAt: day('2023-03-03', 0) }],
  }));
  return [...cases, ...plans];
}

const expectedActivity = [
  { day: '2023-03-01', stream_type: 'case', event_type: 'CaseOpened', events: '7' },
  { day: '2023-03-02', stream_type: 'case', event_type: 'StageEntered', events: '14' },
  { day: '2023-03-03', stream_type: 'plan', event_type: 'QuotaReserved', events: '2' },
];

describe('ProjectionRunner', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    db = await createMigratedDatabase('projections');
    store = new PostgresEventStore(db.pool);
    for (const { streamId, events } of scenario()) await store.append(streamId, 'no_stream', events);
  });

  afterEach(async () => {
    await db?.close();
  });

  const activity = async () =>
    (
      await db.pool.query<Record<string, string>>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, stream_type, event_type, events::text
         FROM activity_by_day ORDER BY day, stream_type, event_type`,
      )
    ).rows;

  it('applies every event once, in batches, counting by the office’s day', async () => {
    const runner = new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 4 });

    expect(await runner.catchUp()).toBe(23);
    expect(await runner.catchUp()).toBe(0);
    expect(await activity()).toEqual(expectedActivity);
  });

  it('rebuilds into fresh tables that equal the incrementally built ones, reporting progress', async () => {
    const incremental = new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 5 });
    await incremental.catchUp();
    const built = await activity();
    const progress: boolean[] = [];

    const rebuilt = await new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 3 }).rebuild(
      (report) => progress.push(report.done),
    );

    expect(rebuilt).toBe(23);
    expect(await activity()).toEqual(built);
    expect(progress.at(-1)).toBe(true);
    expect(progress.length).toBeGreaterThan(2);
    // The live runner resumes from the rebuilt checkpoint: nothing is applied twice.
    expect(await incremental.catchUp()).toBe(0);
    await store.append(`plan-${randomUUID()}`, 'no_stream', [
      { type: 'QuotaReserved', data: {}, occurredAt: day('2023-03-03', 12) },
    ]);
    expect(await incremental.catchUp()).toBe(1);
    expect((await activity()).at(-1)).toMatchObject({ event_type: 'QuotaReserved', events: '3' });
  });

  it('rebuilds while the live runner keeps applying and writers keep appending', async () => {
    const live = new AbortController();
    const liveRun = (async () => {
      for (;;) {
        try {
          return await new ProjectionRunner(db.pool, store, activityByDayProjection, {
            batchSize: 2,
            idleWaitMs: 5,
          }).run(live.signal);
        } catch {
          // The swap drops the table under a statement in flight; a real worker retries the same way.
        }
      }
    })();
    const writing = (async () => {
      for (let index = 0; index < 40; index += 1) {
        await store.append(`case-${randomUUID()}`, 'no_stream', [
          { type: 'CaseOpened', data: {}, occurredAt: day('2023-03-04', index % 24) },
        ]);
        await sleep(5);
      }
    })();

    await new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 3 }).rebuild();
    await writing;
    await sleep(500);
    live.abort();
    await liveRun;

    const oracle = await db.pool.query<Record<string, string>>(
      `SELECT to_char((occurred_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day,
              split_part(stream_id, '-', 1) AS stream_type, event_type, count(*)::text AS events
       FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    );
    expect(await activity()).toEqual(oracle.rows);
    expect(oracle.rows.at(-1)).toMatchObject({ day: '2023-03-04', events: '40' });
  });

  it('recovers from a crash inside a batch without skipping or double-applying', async () => {
    let batches = 0;
    const crashing: Projection = {
      ...activityByDayProjection,
      apply: async (context, events) => {
        await activityByDayProjection.apply(context, events);
        batches += 1;
        if (batches === 3) throw new Error('worker killed mid-batch');
      },
    };

    await expect(new ProjectionRunner(db.pool, store, crashing, { batchSize: 4 }).catchUp()).rejects.toThrow(
      'worker killed mid-batch',
    );
    const restarted = new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 4 });

    expect(await restarted.catchUp()).toBe(23 - 8);
    expect(await activity()).toEqual(expectedActivity);
  });

  it('recovers when the database connection dies between batches', async () => {
    const runner = new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 4 });
    await runner.applyNextBatch();
    await db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'talent-test-projections' AND pid <> pg_backend_pid()`,
    );

    await runner.catchUp().catch(() => runner.catchUp());

    expect(await activity()).toEqual(expectedActivity);
  });

  it('lets one runner apply a projection at a time and a standby take over when it dies', async () => {
    const first = new AbortController();
    const second = new AbortController();
    const firstRun = new ProjectionRunner(db.pool, store, activityByDayProjection, { idleWaitMs: 20 }).run(
      first.signal,
    );
    await sleep(200);
    const secondRunner = new ProjectionRunner(db.pool, store, activityByDayProjection, { idleWaitMs: 20 });
    const secondRun = secondRunner.run(second.signal);
    await sleep(100);
    const held = await db.pool.query(`SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory'`);
    expect(held.rows[0].locks).toBe(1);

    first.abort();
    await firstRun;
    await store.append(`case-${randomUUID()}`, 'no_stream', [
      { type: 'CaseOpened', data: {}, occurredAt: day('2023-03-01', 15) },
    ]);
    await sleep(300);
    second.abort();
    await secondRun;

    expect((await activity())[0]).toMatchObject({ event_type: 'CaseOpened', events: '8' });
  });

  it('takes the events that arrive during its batch interval together, in the next batch', async () => {
    const batches: number[] = [];
    const counting: Projection = {
      ...activityByDayProjection,
      apply: (context, events) => {
        batches.push(events.length);
        return activityByDayProjection.apply(context, events);
      },
    };
    const stop = new AbortController();
    const running = new ProjectionRunner(db.pool, store, counting, { idleWaitMs: 20, batchIntervalMs: 5_000 }).run(
      stop.signal,
    );
    const until = async (done: () => boolean) => {
      for (const deadline = Date.now() + 30_000; !done(); await sleep(20)) {
        if (Date.now() > deadline) throw new Error(`batches so far: ${batches.join(', ')}`);
      }
    };
    await until(() => batches.length === 1);
    for (const hour of [16, 17]) {
      await store.append(`case-${randomUUID()}`, 'no_stream', [
        { type: 'CaseOpened', data: {}, occurredAt: day('2023-03-01', hour) },
      ]);
    }
    await until(() => batches.length === 2);
    stop.abort();
    await running;

    expect(batches).toEqual([23, 2]);
    expect((await activity())[0]).toMatchObject({ event_type: 'CaseOpened', events: '9' });
  });

  it('measures lag as the age of the oldest event not yet applied', async () => {
    const now = () => new Date(Date.now() + 60_000);

    const [before] = await measureProjectionLag(db.pool, store, ['activity_by_day'], now);
    await new ProjectionRunner(db.pool, store, activityByDayProjection).catchUp();
    const [after] = await measureProjectionLag(db.pool, store, ['activity_by_day'], now);

    expect(before).toMatchObject({ projection: 'activity_by_day', caughtUp: false, eventsApplied: 0 });
    expect(before!.lagSeconds).toBeGreaterThanOrEqual(59);
    expect(after).toEqual({ projection: 'activity_by_day', caughtUp: true, eventsApplied: 23, lagSeconds: 0 });
  });
});
