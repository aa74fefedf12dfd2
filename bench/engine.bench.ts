import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { TEMPORAL_CLI_VERSION } from '@talent/local-stack';
import type { noopWorkflow } from '@talent/workflows/diagnostics.workflow';
import { OfficeAccounts } from '../tools/demo/office-accounts';
import { CaseRequests, CaseWorkload } from './engine/case-requests';
import { type LoadResult, processMemory, runLoad } from './engine/load';
import { EngineProbe } from './engine/engine-probe';
import { figuresTable, format, type Measured, measuresTable, mebibytes, type Target } from './engine/report';
import { BenchStack, type RunningStack, STATEMENTS_COUNTED } from './engine/stack';
import { type StatementCost, StatementMeter, statementsTable } from './engine/pg-statements';
import { CpuMeter, cpuPerRequest } from './engine/cpu';

/**
 * `npm run bench:engine`: the write path of the whole engine (api → Temporal → worker →
 * event store → projections) against the ceiling of the same Temporal server, a no-op workflow
 * start. Opens are measured both ways: answered once the case is open (201), and answered once it
is accepted (Prefer: respond-async, 202). Sizes: BENCH_OPEN_CASES (open cases at which the worker's memory is read, default
 * 10,000), BENCH_SERIAL_REQUESTS (per measure at 1 user, default 100) and
 * BENCH_CONCURRENT_REQUESTS (per measure at 50 users, default 500). BENCH_CPU_PROFILE_DIR writes
 * CPU profiles of the api and the worker there; BENCH_PG_STATEMENTS=1 prints what PostgreSQL ran
 * per request of each measure at 50 users.
 */
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 10_000);
const SERIAL_REQUESTS = Number(process.env.BENCH_SERIAL_REQUESTS ?? 100);
const CONCURRENT_REQUESTS = Number(process.env.BENCH_CONCURRENT_REQUESTS ?? 500);
const USERS = 50;
const WARM_UP = 20;
const GIB = 2 ** 30;

// Issue 12, "A fast, simple write path".
const ACTION_ALONE: Target = { text: 'p50 ≤ 60 ms', met: (result) => result.p50 <= 60 };
const ACTION_UNDER_LOAD: Target = {
  text: 'p99 ≤ 1 s and ≥ 0.5× no-op per s',
  met: (result, noop) => result.p99 <= 1000 && result.perSecond >= 0.5 * noop.perSecond,
};
const openUnderLoad = (answered: string): Target => ({
  text: `≥ 0.7× no-op per s, ${answered}`,
  met: (result, noop) => result.perSecond >= 0.7 * noop.perSecond,
});
/** The open target, judged for each way of opening: the case open when answered, or accepted. */
const OPEN_UNDER_LOAD = openUnderLoad('for POST /cases answered open (201)');
const ACCEPT_UNDER_LOAD = openUnderLoad('for POST /cases answered accepted (202, respond-async)');
const ACCEPT = 'POST /cases, Prefer: respond-async';

const log = (line: string) => console.error(`[bench] ${line}`);

/** Every officer signed in before anything is timed: sign-in hashes passwords, which is not the write path. */
async function signInOfficers(office: OfficeAccounts): Promise<Array<Record<string, string>>> {
  const officers: Array<Record<string, string>> = [];
  for (let index = 0; index < USERS; index += 5) {
    const batch = Array.from({ length: 5 }, (_, offset) =>
      office.headersFor({ id: `bench-officer-${index + offset + 1}`, role: 'hr_officer' }),
    );
    officers.push(...(await Promise.all(batch)));
  }
  return officers;
}

/** Opens cases until `target` are open, a thousand at a time, printing how fast each thousand went. */
async function accumulate(cases: CaseWorkload, probe: EngineProbe, target: number, workerPid: number) {
  console.log(`## Opening cases until ${format(target)} are open, ${USERS} users\n`);
  console.log('| open cases | opens/s | p50 ms | p99 ms | failed | worker RSS |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (let from = await probe.openCases(); from < target; from = await probe.openCases()) {
    const result = await runLoad(Math.min(target, (Math.floor(from / 1000) + 1) * 1000) - from, USERS, cases.open);
    if (result.failed === result.requests) throw new Error(`every open failed: ${result.firstFailure}`);
    await probe.settle(cases.opened);
    console.log(
      `| ${format(from)} → ${format(await probe.openCases())} | ${format(result.perSecond, 1)} | ` +
        `${format(result.p50)} | ${format(result.p99)} | ${result.failed} | ` +
        `${mebibytes(processMemory(workerPid).rssBytes)} |`,
    );
  }
}

interface Figures {
  noop1: LoadResult;
  noop50: LoadResult;
  open1: LoadResult;
  open50: LoadResult;
  accept1: LoadResult;
  accept50: LoadResult;
  act1: LoadResult;
  act50: LoadResult;
  lag: { ms: number; cases: number };
  openCases: number;
  /** Actions on cases opened early, once many more were opened; and how many were open by then. */
  loadedAct: { result: LoadResult; openCases: number };
  rss: { warm: number; loaded: number; peak: number };
  /** CPU milliseconds per answered request, by part of the stack, for each measure. */
  cpu: Array<{ measure: string; perRequest: Map<string, number> }>;
  statements: Array<{ measure: string; statements: StatementCost[] }>;
}

async function measure(running: RunningStack, client: Client, probe: EngineProbe): Promise<Figures> {
  const officers = await signInOfficers(new OfficeAccounts(running.apiUrl, running.admin));
  const cases = new CaseWorkload(new CaseRequests(running.apiUrl), officers);
  const meter = new CpuMeter(
    new Map([
      [running.workerPid, 'worker'],
      [running.apiPid, 'api'],
    ]),
  );
  const cpu: Figures['cpu'] = [];
  const statements: Figures['statements'] = [];
  const statementMeter = STATEMENTS_COUNTED ? await StatementMeter.start(probe.pool) : undefined;
  const startNoop = () =>
    client.workflow.start<typeof noopWorkflow>('noopWorkflow', {
      taskQueue: running.taskQueue,
      workflowId: `bench-noop-${randomUUID()}`,
    });
  const memory = () => processMemory(running.workerPid);
  const settle = () => probe.settle(cases.opened);
  // Each action needs a case of its own, opened before it. Opens the api answered too late left
  // no id to act on, so the shortfall is opened first, untimed and gently.
  const casesToActOn = async (count: number) => {
    while (cases.awaitingAction < count) {
      const topUp = await runLoad(count - cases.awaitingAction, 5, cases.open);
      if (topUp.failed === topUp.requests) throw new Error(`every open failed: ${topUp.firstFailure}`);
    }
    await settle();
  };
  /**
   * One measure, then the engine let settle; the CPU it took counts until then, since the work a
   * request leaves behind (projections, a no-op workflow's run) is part of its cost.
   */
  const measured = async (name: string, count: number, users: number, request: (user: number) => Promise<unknown>) => {
    const measure = `${name}, ${users} user${users > 1 ? 's' : ''}`;
    await statementMeter?.reset();
    const before = meter.read();
    const result = await runLoad(count, users, request);
    await settle();
    const answered = result.requests - result.failed;
    cpu.push({ measure, perRequest: cpuPerRequest(before, meter.read(), answered) });
    if (statementMeter && users > 1) statements.push({ measure, statements: await statementMeter.read(answered) });
    return result;
  };
  const act = async (name: string, count: number, users: number, request = cases.register) => {
    await casesToActOn(count);
    return measured(name, count, users, request);
  };

  log('warming up');
  await runLoad(WARM_UP, 10, startNoop);
  await runLoad(WARM_UP, 10, cases.open);
  await runLoad(WARM_UP, 10, cases.openAsync);
  await casesToActOn(WARM_UP);
  await runLoad(WARM_UP, 10, cases.register);
  await settle();
  const warm = memory().rssBytes;
  log('no-op workflow starts');
  const noop1 = await measured('no-op start', SERIAL_REQUESTS, 1, startNoop);
  const noop50 = await measured('no-op start', CONCURRENT_REQUESTS, USERS, startNoop);
  log('POST /cases');
  const open1 = await measured('POST /cases', SERIAL_REQUESTS, 1, cases.open);
  const open50 = await measured('POST /cases', CONCURRENT_REQUESTS, USERS, cases.open);
  log('POST /cases/:id/actions');
  const act1 = await act('action', SERIAL_REQUESTS, 1);
  const act50 = await act('action', CONCURRENT_REQUESTS, USERS);
  const lag = { ms: await cases.projectionLagMs(), cases: cases.registered };
  await settle();
  // After the actions, which act on the cases the synchronous opens just made; these cases wait for
  // the action measure with all cases open, as the oldest.
  log(ACCEPT);
  const accept1 = await measured(ACCEPT, SERIAL_REQUESTS, 1, cases.openAsync);
  const accept50 = await measured(ACCEPT, CONCURRENT_REQUESTS, USERS, cases.openAsync);

  await accumulate(cases, probe, OPEN_CASES, running.workerPid);
  const loaded = memory().rssBytes;
  const openCases = await probe.openCases();
  log(`POST /cases/:id/actions with ${format(openCases)} open cases`);
  const actLoaded = await act(
    `action with ${format(openCases)} open cases`,
    CONCURRENT_REQUESTS,
    USERS,
    cases.registerOldest,
  );
  const loadedAct = { result: actLoaded, openCases: await probe.openCases() };
  const rss = { warm, loaded, peak: memory().peakBytes };
  return {
    noop1,
    noop50,
    open1,
    open50,
    accept1,
    accept50,
    act1,
    act50,
    lag,
    openCases,
    loadedAct,
    rss,
    cpu,
    statements,
  };
}

/** CPU per request by part of the stack: what to make cheaper, and where the ceiling comes from. */
function cpuTable(cpu: Figures['cpu']): string[] {
  const parts = [...new Set(cpu.flatMap(({ perRequest }) => [...perRequest.keys()]))].sort();
  const total = (perRequest: Map<string, number>) => [...perRequest.values()].reduce((sum, ms) => sum + ms, 0);
  return [
    `| measure | ${parts.join(' | ')} | total |`,
    `| --- |${' ---: |'.repeat(parts.length + 1)}`,
    ...cpu.map(
      ({ measure, perRequest }) =>
        `| ${measure} | ${parts.map((part) => format(perRequest.get(part) ?? 0, 1)).join(' | ')} | ` +
        `${format(total(perRequest), 1)} |`,
    ),
  ];
}

function report(figures: Figures): void {
  const rows: Measured[] = [
    { measure: 'no-op workflow start', users: 1, result: figures.noop1 },
    { measure: 'no-op workflow start', users: USERS, result: figures.noop50 },
    { measure: 'POST /cases', users: 1, result: figures.open1, noop: figures.noop1 },
    { measure: 'POST /cases', users: USERS, result: figures.open50, noop: figures.noop50, target: OPEN_UNDER_LOAD },
    { measure: ACCEPT, users: 1, result: figures.accept1, noop: figures.noop1 },
    { measure: ACCEPT, users: USERS, result: figures.accept50, noop: figures.noop50, target: ACCEPT_UNDER_LOAD },
    { measure: 'POST /cases/:id/actions', users: 1, result: figures.act1, noop: figures.noop1, target: ACTION_ALONE },
    {
      measure: 'POST /cases/:id/actions',
      users: USERS,
      result: figures.act50,
      noop: figures.noop50,
      target: ACTION_UNDER_LOAD,
    },
    {
      measure: `POST /cases/:id/actions, ${format(figures.loadedAct.openCases)} open cases`,
      users: USERS,
      result: figures.loadedAct.result,
      noop: figures.noop50,
      target: ACTION_UNDER_LOAD,
    },
  ];
  console.log('\n## Latency and throughput\n');
  console.log(measuresTable(rows).join('\n'));
  console.log('\n## Projection lag and worker memory\n');
  const table = figuresTable([
    {
      figure: `projection lag: last action (${USERS} users) answered → case list shows all ${format(figures.lag.cases)} moved cases`,
      value: `${format(figures.lag.ms)} ms`,
    },
    { figure: 'worker RSS after warm-up', value: mebibytes(figures.rss.warm) },
    {
      figure: `worker RSS with ${format(figures.openCases)} open cases`,
      value: mebibytes(figures.rss.loaded),
      target: '≤ 1 GiB',
      met: figures.rss.loaded <= GIB,
    },
    { figure: 'worker peak RSS over the run (VmHWM)', value: mebibytes(figures.rss.peak) },
  ]);
  console.log(table.join('\n'));
  console.log('\n## CPU milliseconds per request, by part of the stack (until the engine settled)\n');
  console.log(cpuTable(figures.cpu).join('\n'));
  if (figures.statements.length > 0) {
    console.log('\n## PostgreSQL statements per request (pg_stat_statements, until the engine settled)');
    console.log(statementsTable(figures.statements).join('\n'));
  }
}

function describeRun(): void {
  console.log('# Engine benchmark\n');
  console.log(
    `${cpus().length} cores, ${format(totalmem() / GIB, 1)} GiB, Node ${process.version}; embedded PostgreSQL 18, ` +
      `Temporal CLI ${TEMPORAL_CLI_VERSION} dev server (SQLite file in WAL mode); worker and api from dist/, ` +
      `LOG_LEVEL ${process.env.LOG_LEVEL || 'warn'}`,
  );
  console.log(
    `${format(SERIAL_REQUESTS)} requests per measure at 1 user, ${format(CONCURRENT_REQUESTS)} at ${USERS} users ` +
      `(each user sends its next request when its last is answered); BENCH_OPEN_CASES=${OPEN_CASES}\n`,
  );
}

async function main(stack: BenchStack): Promise<void> {
  const started = performance.now();
  describeRun();
  const running = await stack.start();
  log(`stack ready in ${format((performance.now() - started) / 1000, 1)} s: api ${running.apiUrl}`);
  const connection = await Connection.connect({ address: running.temporalAddress });
  const pool = new Pool({ connectionString: running.databaseUrl, max: 2 });
  // PostgreSQL gets the terminal's Ctrl-C too and cuts idle connections; the stop is under way then.
  pool.on('error', () => undefined);
  try {
    const client = new Client({ connection, namespace: running.namespace });
    report(await measure(running, client, new EngineProbe(client, pool)));
  } finally {
    await pool.end();
    await connection.close();
  }
  console.log(`\nwall time ${format((performance.now() - started) / 60_000, 1)} min`);
}

const stack = new BenchStack((name) => {
  log(`${name} died; stopping`);
  void stopAndExit(1);
});
async function stopAndExit(code: number): Promise<void> {
  await stack.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(143));
main(stack).then(
  () => stopAndExit(0),
  (error: unknown) => {
    console.error(error);
    return stopAndExit(1);
  },
);
