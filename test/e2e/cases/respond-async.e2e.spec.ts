import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { toCaseWorkflowId } from '@talent/domain';
import { type ApiClient, auditor, officer } from '@talent/api-client';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { startTestStack, type TestStack } from '../../support/test-stack';

const ASYNC = { prefer: 'respond-async' };

/**
 * POST /cases with Prefer: respond-async: 202 once the engine holds the case, before it is
 * recorded. The spec begins with no worker, so "accepted, not yet open" lasts as long as it needs.
 */
describe('opening a case with Prefer: respond-async', () => {
  let stack: TestStack;
  let api: ApiClient;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    stack = await startTestStack('respond-async', {}, { inProcessWorker: false });
    api = stack.client;
  });

  afterAll(async () => {
    await worker?.close();
    await stack?.close();
  });

  const body = (name: string, extra: object = {}) => ({
    kind: 'recruitment',
    channel: 'civil_servant',
    subject: { name },
    ...extra,
  });
  const workflowOf = (caseId: string) => stack.api.get(Client).workflow.getHandle(toCaseWorkflowId(caseId));
  const caseOpenedEvents = async (caseId: string) => {
    const history = await api.history(caseId, auditor);
    expect(history.status).toBe(200);
    return (history.body.events as Array<{ type: string }>).filter((event) => event.type === 'CaseOpened');
  };

  describe('before any worker runs the case', () => {
    const key = { 'idempotency-key': 'hr-system-async-0001' };

    it('answers 202 with the case id, a Location and Preference-Applied', async () => {
      const accepted = await api.open(body('林考生'), officer, { ...ASYNC, ...key });

      expect(accepted.status).toBe(202);
      const caseId = accepted.body.caseId as string;
      expect(accepted.body).toEqual({ caseId, accepted: true, recorded: false, location: `/cases/${caseId}` });
      expect(accepted.headers.get('location')).toBe(`/cases/${caseId}`);
      expect(accepted.headers.get('preference-applied')).toBe('respond-async');
      expect((await workflowOf(caseId).describe()).status.name).toBe('RUNNING');
    });

    it('answers a retry 202 again, and the same key with other details 409', async () => {
      const again = await api.open(body('林考生'), officer, { ...ASYNC, ...key });
      const other = await api.open(body('林考生', { channel: 'campus_teacher' }), officer, { ...ASYNC, ...key });

      expect(again.status).toBe(202);
      expect(other.status).toBe(409);
    });

    it('answers a read 503 when the case does not open within the wait, never 404', async () => {
      const accepted = await api.open(body('秦考生'), officer, ASYNC);

      const read = await api.view(accepted.body.caseId as string);

      expect(read.status).toBe(503);
      expect(read.body.message).toMatch(/still being opened/);
    });
  });

  describe('once a worker runs', () => {
    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      await worker.init();
    });

    it('records the accepted case once: its events, the case list, a retry answered 200 with the view', async () => {
      const key = { 'idempotency-key': 'hr-system-async-0001' };
      const caseId = (await api.open(body('林考生'), officer, { ...ASYNC, ...key })).body.caseId as string;

      const read = await api.view(caseId);

      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ caseId, stage: { id: 'application' } });
      expect(await caseOpenedEvents(caseId)).toHaveLength(1);
      await api.waitForList('kind=recruitment&stage=application', caseId);
      const retried = await api.open(body('林考生'), officer, { ...ASYNC, ...key });
      expect(retried.status).toBe(200);
      expect(retried.headers.get('preference-applied')).toBeNull();
      expect(retried.body).toMatchObject({ caseId, stage: { id: 'application' } });
      expect((await api.open(body('林考生'), officer, key)).status).toBe(200);
      expect((await api.open(body('林考生', { year: 2031 }), officer, { ...ASYNC, ...key })).status).toBe(409);
    });

    it('shows a case read right after its 202, and takes an action sent right after it', async () => {
      const read = await api.open(body('周考生'), officer, ASYNC);
      const acted = await api.open(body('吴考生'), officer, ASYNC);
      expect([read.status, acted.status]).toEqual([202, 202]);

      const [view, action] = await Promise.all([
        api.view(read.body.caseId as string),
        api.act(acted.body.caseId as string, 'register', { post: '县人力资源和社会保障局 一级科员' }),
      ]);

      expect(view).toMatchObject({ status: 200, body: { caseId: read.body.caseId, stage: { id: 'application' } } });
      expect(action).toMatchObject({ status: 200, body: { stage: { id: 'qualificationReview' } } });
      expect(await caseOpenedEvents(acted.body.caseId as string)).toHaveLength(1);
    });

    it('starts one case for twenty concurrent identical requests', async () => {
      const headers = { ...ASYNC, 'idempotency-key': 'hr-system-async-0777' };

      const answers = await Promise.all(Array.from({ length: 20 }, () => api.open(body('并发'), officer, headers)));

      const caseIds = new Set(answers.map((answer) => answer.body.caseId as string));
      expect(caseIds.size).toBe(1);
      expect(answers.every((answer) => answer.status === 202 || answer.status === 200)).toBe(true);
      expect(answers.filter((answer) => answer.status === 202).length).toBeGreaterThanOrEqual(1);
      const [caseId] = caseIds;
      await api.waitFor(caseId!, (view) => view.stage.id === 'application');
      expect(await caseOpenedEvents(caseId!)).toHaveLength(1);
    });

    const invalid: Array<[string, object]> = [
      ['a recruitment without its channel', { kind: 'recruitment', subject: { name: '缺渠道' } }],
      ['an unknown kind', { kind: 'apprenticeship', subject: { name: '未知' } }],
      ['a name the store cannot hold', body('x\ud800')],
      ['a NUL in the details', body('空字符', { subject: { name: '空字符', details: { post: 'a\u0000b' } } })],
      ['a date in the future', body('未来', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() })],
      ['a date too far back', body('过去', { occurredAt: '2001-01-01T00:00:00+08:00' })],
      ['a year out of range', body('年份', { year: 1999 })],
    ];

    it.each(invalid)('refuses %s as the synchronous open does, and starts nothing', async (_, request) => {
      const sync = await api.open(request);
      const caseId = `async-refused-${Math.random().toString(36).slice(2, 10)}`;

      const async = await api.open({ ...request, caseId }, officer, ASYNC);

      expect(sync.status).toBeGreaterThanOrEqual(400);
      expect(sync.status).toBeLessThan(500);
      expect([async.status, async.body]).toEqual([sync.status, sync.body]);
      await expect(workflowOf(caseId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
      expect((await api.view(caseId)).status).toBe(404);
    });
  });
});
