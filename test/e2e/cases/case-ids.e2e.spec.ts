import { admin, type ApiClient, officer, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Ids a client chooses for its cases, and what a repeated open tells whom. */
describe('case ids', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startTestStack('case-ids');
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('cannot take over the workflow of a year’s plan', async () => {
    const caseId = `annual-plan-${stack.env.DIVISION_CODE}-2031`;

    const opened = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '冒名' },
      caseId,
    });
    const plan = await api.openPlan(2031, { quotas: { high_level_talent: 2, shortage_talent: 3 }, fundCny: 10_000 });

    expect(opened.status).toBe(201);
    expect(plan.status).toBe(201);
    expect((await api.plan(2031, admin)).body.quotas.shortage_talent.total).toBe(3);
    expect((await api.view(caseId)).body.caseId).toBe(caseId);
  });

  it('answers a repeated open the same, match or not, unless the caller opened the case', async () => {
    const caseId = 'gwy-2026-0042';
    const body = {
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '郑考生', phone: '13812345678' },
      caseId,
    };
    expect((await api.open(body)).status).toBe(201);

    const ownerAgain = await api.open(body);
    const ownerOther = await api.open({ ...body, subject: { ...body.subject, phone: '13812345679' } });
    const guessRight = await api.open(body, secondOfficer);
    const guessWrong = await api.open({ ...body, subject: { ...body.subject, phone: '13812345679' } }, secondOfficer);

    expect(ownerAgain).toMatchObject({ status: 200, body: { caseId } });
    expect(ownerOther.status).toBe(409);
    expect(guessRight.status).toBe(409);
    expect([guessWrong.status, guessWrong.body]).toEqual([guessRight.status, guessRight.body]);
  });

  it('creates one case for twenty concurrent opens with one Idempotency-Key, and says 201 once', async () => {
    const headers = { 'idempotency-key': 'hr-2026-000777' };
    const body = { kind: 'recruitment', channel: 'campus_teacher', subject: { name: '并发' } };

    const answers = await Promise.all(Array.from({ length: 20 }, () => api.open(body, officer, headers)));

    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(19);
    expect(new Set(answers.map((answer) => answer.body.caseId)).size).toBe(1);
  });
});
