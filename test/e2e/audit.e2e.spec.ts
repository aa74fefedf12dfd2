import type { Pool } from 'pg';
import { PG_POOL } from '@talent/platform';
import { caseClient, officer } from '../support/case-client';
import { requestJson } from '../support/http';
import { startTestStack, type TestStack } from '../support/test-stack';

const auditor = { 'x-user-id': 'auditor-1', 'x-user-role': 'auditor' };

describe('the auditor’s view: a case’s history and the hash chain behind it', () => {
  let stack: TestStack;
  let api: ReturnType<typeof caseClient>;

  beforeAll(async () => {
    stack = await startTestStack('audit', { CASE_DAY_SECONDS: '0.05' });
    api = caseClient(stack.baseUrl);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('lists every event with who, in which role, why and when, and finds any edit made by SQL', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '审计' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await api.step(caseId, 'register', { post: '语文教师' });
    await api.act(caseId, 'withdraw', {}, officer, '考生放弃');

    const history = await requestJson(`${stack.baseUrl}/cases/${caseId}/history`, { headers: auditor });
    const intact = await requestJson(`${stack.baseUrl}/cases/${caseId}/history/verify`, { headers: auditor });

    expect(history.status).toBe(200);
    expect(history.body.pipeline).toEqual({ id: 'recruitment.campus_teacher', version: 1 });
    expect(history.body.events.map((event: { type: string }) => event.type)).toEqual([
      'CaseOpened',
      'StageEntered',
      'ActionTaken',
      'StageEntered',
      'StageScheduled',
      'CaseClosed',
    ]);
    expect(history.body.events.at(-1)).toMatchObject({
      actor: { id: officer.id, role: 'hr_officer' },
      reason: '考生放弃',
    });
    expect(intact.body).toMatchObject({ valid: true, eventsVerified: 6 });

    const pool = stack.api.get<Pool>(PG_POOL);
    await pool.query(
      `UPDATE events SET metadata = jsonb_set(metadata, '{actor,id}', '"someone-else"') WHERE stream_id = $1 AND stream_version = 3`,
      [`case-${caseId}`],
    );
    const tampered = await requestJson(`${stack.baseUrl}/cases/${caseId}/history/verify`, { headers: auditor });
    const store = await requestJson(`${stack.baseUrl}/audit/verify`, { headers: auditor });

    expect(tampered.body).toMatchObject({
      valid: false,
      firstBrokenLink: { streamVersion: 3, problem: 'hash_mismatch' },
    });
    expect(store.body).toMatchObject({ valid: false, brokenStreams: 1 });
    // Counting stops at a stream's first broken link: two events of this one verify.
    expect(store.body).toMatchObject({ streamsVerified: 1, eventsVerified: 2 });
    expect(store.body.firstBroken[0].streamId).toBe(`case-${caseId}`);
    expect((await requestJson(`${stack.baseUrl}/cases/no-such-case/history`, { headers: auditor })).status).toBe(404);
  });
});
