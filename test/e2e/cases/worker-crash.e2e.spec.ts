import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { verifyStream } from '@talent/event-store';
import { officeDate } from '@talent/domain';
import { PG_POOL } from '@talent/platform';
import { type ApiClient, approver, requestJson, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';
import { type AppProcess, spawnWorker } from '../../support/app-process';

describe('a worker killed in the middle of a case', () => {
  let stack: TestStack;
  let api: ApiClient;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    stack = await startTestStack('crash', { CASE_DAY_SECONDS: '0.2', LOG_LEVEL: 'warn' }, { inProcessWorker: false });
    api = stack.client;
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await stack?.close();
  });

  async function startWorker(): Promise<AppProcess> {
    const worker = spawnWorker(stack.env);
    workers.push(worker);
    // A new process bundles the workflows first: on a busy machine that alone can take many seconds.
    for (let attempt = 0; attempt < 480; attempt += 1) {
      const health = await requestJson(`${stack.baseUrl}/health`);
      if ((health.body?.details?.temporal?.workers ?? 0) > 0 && worker.child.exitCode === null) return worker;
      await sleep(250);
    }
    throw new Error('the worker process never started polling');
  }

  it('completes after a restart with every event stored once, in order, and the chain intact', async () => {
    let worker = await startWorker();
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '吴工程师' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await api.waitFor(caseId, (body) => body.stage.id === 'application');
    await api.step(caseId, 'register', { post: '县水务局 工程师' });

    // An action in flight when the worker dies: it must be carried out once, by the next worker.
    const inFlight = api.act(caseId, 'record', { outcome: 'pass' });
    await sleep(30);
    await worker.kill();
    await sleep(500);
    worker = await startWorker();
    expect((await inFlight).status).toBe(200);

    await api.step(caseId, 'record', { outcome: 'pass', method: 'practical' });
    await api.step(caseId, 'record', { outcome: 'pass' });
    await api.step(caseId, 'record', { outcome: 'pass' }, secondOfficer);
    // Killed again while the public notice's timer runs: the next worker fires it.
    await worker.kill();
    worker = await startWorker();
    await api.waitFor(caseId, (body) => body.stage.id === 'approval', 120_000);
    await api.step(caseId, 'approve', { opinion: '同意' }, approver);
    const today = officeDate(new Date());
    await api.step(caseId, 'recordFiling', { filingNumber: '县人社备〔2023〕8号', filingDate: today });
    await api.step(caseId, 'recordEstablishment', { establishmentDate: today });
    await api.step(caseId, 'report', { unit: '县水务局' });
    await api.waitFor(caseId, (body) => body.state.subsidy?.committedCny > 0);
    // The first instalment of the subsidy, in 试用期: the case's last step before 转正's year.
    const paid = await api.step(caseId, 'payInstalment', { amountCny: 50_000 });
    expect(paid.body.stage.id).toBe('probation');

    const pool = stack.api.get<Pool>(PG_POOL);
    const { rows } = await pool.query<{ stream_version: number; event_type: string; event_id: string }>(
      `SELECT stream_version, event_type, event_id FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [`case-${caseId}`],
    );
    expect(rows.map((row) => row.stream_version)).toEqual(rows.map((_, index) => index + 1));
    expect(rows).toHaveLength(paid.body.state.version);
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(rows.length);
    expect(rows.filter((row) => row.event_type === 'ActionTaken')).toHaveLength(10);
    expect(await verifyStream(pool, `case-${caseId}`)).toMatchObject({ valid: true, eventsVerified: rows.length });
  }, 300_000);
});
