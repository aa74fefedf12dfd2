import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { endAllPools } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { type NewEvent, PostgresEventStore } from '@talent/event-store';
import { activityByDayProjection, ProjectionRunner } from '@talent/projections';
import { benchDatabase } from './bench-database';
import { followLedger, timeProofs } from './ledger-proofs';

/**
 * `npm run bench:event-store`: append throughput and latency of our store, with the ledger's
 * tree followed on every append, extended every BENCH_TREE_EVERY_MS (default 1000) and not at
 * all, beside Emmett's PostgreSQL store and a bare INSERT of the same rows;
 * then projection catch-up, the tree's build and its proofs over a large store. Sizes:
 * BENCH_APPENDS (appends per writer configuration, default 3000), BENCH_EVENTS (events in the
 * large store, default 1,000,000) and BENCH_PROOFS (proofs of each kind, default 1000).
 */
const APPENDS = Number(process.env.BENCH_APPENDS ?? 3000);
const CATCH_UP_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PROOFS = Number(process.env.BENCH_PROOFS ?? 1000);
const OURS = 'talent event store';
const OURS_WITH_TREE = 'talent event store, ledger tree followed';
// Far more often than the worker's 300 s, yet the shape of it: the tree extended in batches.
const TREE_EVERY_MS = Number(process.env.BENCH_TREE_EVERY_MS ?? 1000);
const OURS_WITH_TREE_PERIODIC = `talent event store, ledger tree extended every ${TREE_EVERY_MS / 1000} s`;
const WRITERS = [1, 4, 16];
const BATCHES = [1, 10];

interface Result {
  system: string;
  writers: number;
  batch: number;
  appendsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

type AppendFn = (streamId: string, version: number, events: NewEvent[]) => Promise<unknown>;

function events(batch: number, writer: number): NewEvent[] {
  return Array.from({ length: batch }, (_, index) => ({
    type: 'ScoreRecorded',
    data: { candidate: `candidate-${writer}`, stage: 'interview', score: 80 + (index % 20), examiner: '李老师' },
    metadata: { actor: { id: `officer-${writer}`, role: 'hr_officer' }, correlationId: randomUUID() },
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `writers` concurrent writers, each appending `appends / writers` times to a new stream of its own. */
async function measure(system: string, writers: number, batch: number, append: AppendFn): Promise<Result> {
  const perWriter = Math.max(1, Math.floor(APPENDS / writers));
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      const streamId = `case-${randomUUID()}`;
      for (let version = 0; version < perWriter; version += 1) {
        const payload = events(batch, writer);
        const before = process.hrtime.bigint();
        await append(streamId, version * batch, payload);
        latencies.push(Number(process.hrtime.bigint() - before) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const appends = perWriter * writers;
  return {
    system,
    writers,
    batch,
    appendsPerSecond: appends / seconds,
    eventsPerSecond: (appends * batch) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function seed(store: PostgresEventStore, total: number): Promise<number> {
  const batch = 1000;
  const started = Date.now();
  let written = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, writer) => {
      let version = 0;
      const streamId = `case-seed-${writer}-${randomUUID()}`;
      while (written < total) {
        const size = Math.min(batch, total - written);
        written += size;
        await store.append(streamId, version, events(size, writer));
        version += size;
      }
    }),
  );
  return total / ((Date.now() - started) / 1000);
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

async function main(): Promise<void> {
  const db = await benchDatabase(20);
  try {
    console.log(`# Event store benchmark\n`);
    console.log(
      `${cpus().length} cores, ${format(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; ${db.describe}`,
    );
    console.log(`${format(APPENDS)} appends per configuration; catch-up over ${format(CATCH_UP_EVENTS)} events\n`);

    const store = new PostgresEventStore(db.pool);
    const emmett = getPostgreSQLEventStore(db.url);
    await db.pool.query(`CREATE TABLE bench_floor (
      global_position bigserial PRIMARY KEY, stream_id text NOT NULL, stream_version int NOT NULL,
      event_id uuid NOT NULL UNIQUE, event_type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    const systems: Record<string, AppendFn> = {
      [OURS]: (streamId, version, batch) => store.append(streamId, version === 0 ? 'no_stream' : version, batch),
      [OURS_WITH_TREE]: (streamId, version, batch) =>
        store.append(streamId, version === 0 ? 'no_stream' : version, batch),
      [OURS_WITH_TREE_PERIODIC]: (streamId, version, batch) =>
        store.append(streamId, version === 0 ? 'no_stream' : version, batch),
      'emmett-postgresql 0.42': (streamId, version, batch) =>
        emmett.appendToStream(
          streamId,
          batch.map(({ type, data, metadata }) => ({ type, data, metadata })),
          { expectedStreamVersion: BigInt(version) },
        ),
      'bare INSERT (floor)': (streamId, version, batch) =>
        db.pool.query(
          `INSERT INTO bench_floor (stream_id, stream_version, event_id, event_type, data, metadata)
           SELECT $1, v, gen_random_uuid(), t, d, m FROM unnest($2::int[], $3::text[], $4::jsonb[], $5::jsonb[]) AS x(v, t, d, m)`,
          [
            streamId,
            batch.map((_, index) => version + index + 1),
            batch.map((event) => event.type),
            batch.map((event) => JSON.stringify(event.data)),
            batch.map((event) => JSON.stringify(event.metadata)),
          ],
        ),
    };

    // Warm up each system's connections, statements and JIT before measuring.
    for (const append of Object.values(systems)) {
      await Promise.all(
        Array.from({ length: 16 }, (_, writer) => append(`case-${randomUUID()}`, 0, events(1, writer))),
      );
    }

    const results: Result[] = [];
    for (const batch of BATCHES) {
      for (const writers of WRITERS) {
        for (const [system, append] of Object.entries(systems)) {
          const follower =
            system === OURS_WITH_TREE
              ? await followLedger(db.pool)
              : system === OURS_WITH_TREE_PERIODIC
                ? await followLedger(db.pool, { everyMs: TREE_EVERY_MS })
                : undefined;
          results.push(await measure(system, writers, batch, append));
          await follower?.stop();
        }
      }
    }

    console.log('## Appends\n');
    console.log('| system | events per append | writers | appends/s | events/s | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const result of results) {
      console.log(
        `| ${result.system} | ${result.batch} | ${result.writers} | ${format(result.appendsPerSecond)} | ` +
          `${format(result.eventsPerSecond)} | ${format(result.p50, 2)} | ${format(result.p99, 2)} |`,
      );
    }

    console.log('\n## Ratios (talent event store ÷ peer, appends/s)\n');
    console.log(
      `| events per append | writers | vs emmett | vs bare INSERT | tree followed ÷ not | tree every ${TREE_EVERY_MS / 1000} s ÷ not |`,
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const batch of BATCHES) {
      for (const writers of WRITERS) {
        const find = (system: string) =>
          results.find((result) => result.system === system && result.batch === batch && result.writers === writers)!;
        const ours = find(OURS).appendsPerSecond;
        console.log(
          `| ${batch} | ${writers} | ${format(ours / find('emmett-postgresql 0.42').appendsPerSecond, 2)} | ` +
            `${format(ours / find('bare INSERT (floor)').appendsPerSecond, 2)} | ` +
            `${format(find(OURS_WITH_TREE).appendsPerSecond / ours, 2)} | ` +
            `${format(find(OURS_WITH_TREE_PERIODIC).appendsPerSecond / ours, 2)} |`,
        );
      }
    }
    await emmett.close();
    // Emmett's schema set-up keeps pools of its own in dumbo, which close() leaves open.
    await endAllPools();

    console.log(`\n## Projection catch-up\n`);
    const { rows } = await db.pool.query<{ count: string }>('SELECT count(*) FROM events');
    const toSeed = Math.max(0, CATCH_UP_EVENTS - Number(rows[0]!.count));
    const seedRate = await seed(store, toSeed);
    const total = Number((await db.pool.query<{ count: string }>('SELECT count(*) FROM events')).rows[0]!.count);
    console.log(`seeded ${format(toSeed)} events in 1,000-event appends at ${format(seedRate)} events/s`);
    const runner = new ProjectionRunner(db.pool, store, activityByDayProjection, { batchSize: 5000 });
    const started = Date.now();
    const applied = await runner.catchUp();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `activity_by_day caught up on ${format(applied)} of ${format(total)} events in ${format(seconds, 1)} s: ` +
        `${format(applied / seconds)} events/s (batches of 5,000, batch and checkpoint in one transaction)`,
    );

    console.log(`\n## Ledger proofs\n`);
    const proofs = await timeProofs(db.pool, PROOFS);
    console.log(
      `tree extended from ${format(proofs.builtFrom)} to ${format(proofs.treeSize)} events in ` +
        `${format(proofs.buildSeconds, 1)} s (${format((proofs.treeSize - proofs.builtFrom) / proofs.buildSeconds)} ` +
        `events/s, batches of 50,000); ${format(PROOFS)} proofs of each kind ` +
        `against the whole tree, at random leaves and from random earlier sizes:\n`,
    );
    console.log('| proof | p50 ms | p99 ms | max ms |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [kind, timings] of [
      ['inclusion', proofs.inclusion],
      ['consistency', proofs.consistency],
    ] as const) {
      const sorted = [...timings].sort((a, b) => a - b);
      console.log(
        `| ${kind} | ${format(percentile(sorted, 50), 2)} | ${format(percentile(sorted, 99), 2)} | ` +
          `${format(sorted.at(-1)!, 2)} |`,
      );
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
