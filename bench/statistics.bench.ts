import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { type NewEvent, PostgresEventStore } from '@talent/event-store';
import { allProjections, annualStatistics, ProjectionRunner, rebuildProjections } from '@talent/projections';
import { benchDatabase } from './bench-database';

/**
 * `npm run bench:statistics`: a store of BENCH_EVENTS (default 1,000,000) events of realistic
 * cases over 2022–2024; then the annual statistics' p50/p99 latency (read model, not raw
 * events) and the full rebuild rate of every projection.
 */
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1000);
const CHANNELS = ['civil_servant', 'campus_teacher', 'shortage_talent', 'high_level_talent'];
const STAGES = ['application', 'qualificationReview', 'writtenExam', 'interview', 'physicalExam', 'inspection'];
const officer = { actor: { id: 'officer-wang', role: 'hr_officer' } };

/** One recruitment case of about 20 events, shaped as the engine writes them. */
function recruitmentCase(index: number, caseId: string): NewEvent[] {
  const year = 2022 + (index % 3);
  const start = Date.parse(`${year}-01-05T02:00:00Z`) + (index % 300) * 86_400_000;
  const at = (step: number) => new Date(start + step * 3 * 86_400_000);
  const channel = CHANNELS[index % CHANNELS.length]!;
  const events: NewEvent[] = [
    {
      type: 'CaseOpened',
      data: {
        caseId,
        kind: 'recruitment',
        channel,
        pipelineId: `recruitment.${channel}`,
        pipelineVersion: 1,
        subject: { name: '考生' },
        year,
        divisionCode: '530000',
      },
      metadata: officer,
      occurredAt: at(0),
    },
  ];
  STAGES.forEach((stage, step) => {
    events.push({ type: 'StageEntered', data: { stage, stageKind: 'task' }, metadata: officer, occurredAt: at(step) });
    events.push({
      type: 'StageScheduled',
      data: { stage, deadlineAt: at(step + 10).toISOString() },
      metadata: officer,
      occurredAt: at(step),
    });
    events.push({
      type: 'ActionTaken',
      data: { stage, action: 'record', outcome: 'pass', payload: { outcome: 'pass' } },
      metadata: officer,
      occurredAt: at(step + 1),
    });
  });
  const hired = index % 5 !== 0;
  events.push({
    type: 'ActionTaken',
    data: { stage: 'onboarding', action: 'report', outcome: 'done', payload: {} },
    metadata: officer,
    occurredAt: at(8),
  });
  events.push({
    type: 'CaseClosed',
    data: { outcome: hired ? 'hired' : 'withdrawn', result: hired ? 'success' : 'failure', lastStage: 'probation' },
    metadata: officer,
    occurredAt: at(9),
  });
  return events;
}

async function seed(store: PostgresEventStore, target: number): Promise<number> {
  let written = 0;
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (written < target) {
        const caseId = randomUUID();
        const events = recruitmentCase(next++, caseId);
        written += events.length;
        await store.append(`case-${caseId}`, 'no_stream', events);
      }
    }),
  );
  return written / ((Date.now() - started) / 1000);
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const db = await benchDatabase(8);
  try {
    const store = new PostgresEventStore(db.pool);
    console.log('# Statistics benchmark\n');
    console.log(
      `${cpus().length} cores, ${format(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; ${db.describe}\n`,
    );
    const seedRate = await seed(store, TARGET_EVENTS);
    const total = Number((await db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]!.n);
    console.log(`seeded ${format(total)} events (recruitment cases, 2022–2024) at ${format(seedRate)} events/s\n`);

    console.log('## Full rebuild of every projection\n');
    console.log('| projection | events | seconds | events/s |');
    console.log('| --- | ---: | ---: | ---: |');
    let rebuildSeconds = 0;
    for (const projection of allProjections) {
      const started = Date.now();
      const applied = await new ProjectionRunner(db.pool, store, projection, { batchSize: 5000 }).rebuild();
      const seconds = (Date.now() - started) / 1000;
      rebuildSeconds += seconds;
      console.log(`| ${projection.name} | ${format(applied)} | ${format(seconds, 1)} | ${format(applied / seconds)} |`);
    }
    console.log(
      `| all ${allProjections.length}, one after another | ${format(total)} each | ${format(rebuildSeconds, 1)} | ${format(total / rebuildSeconds)} |`,
    );
    const togetherStarted = Date.now();
    await rebuildProjections(db.pool, store, allProjections, { batchSize: 5000 });
    const togetherSeconds = (Date.now() - togetherStarted) / 1000;
    console.log(
      `| **all ${allProjections.length} in one pass** (npm run projections:rebuild) | ${format(total)} | ${format(togetherSeconds, 1)} | ${format(total / togetherSeconds)} |`,
    );

    console.log(`\n## GET /statistics/annual/2023 (the query behind it), ${format(QUERIES)} calls\n`);
    for (let warm = 0; warm < 20; warm += 1) await annualStatistics(db.pool, 2023);
    const latencies: number[] = [];
    for (let call = 0; call < QUERIES; call += 1) {
      const before = process.hrtime.bigint();
      await annualStatistics(db.pool, 2023 + (call % 2));
      latencies.push(Number(process.hrtime.bigint() - before) / 1e6);
    }
    latencies.sort((a, b) => a - b);
    const figures = await annualStatistics(db.pool, 2023);
    console.log(
      `p50 ${format(percentile(latencies, 50), 2)} ms, p99 ${format(percentile(latencies, 99), 2)} ms, max ${format(latencies.at(-1)!, 2)} ms`,
    );
    console.log(`(2023: ${JSON.stringify(figures.recruitment.recruitedByChannel)})`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
