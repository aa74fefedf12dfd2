import { officeDate } from '@talent/domain';
import { admin, type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Application to the public notice of an introduced talent (shortage or high-level). */
async function toNotice(api: ApiClient, caseId: string): Promise<void> {
  await api.waitFor(caseId, (body) => body.stage.id === 'application');
  await api.step(caseId, 'register', { post: '县人民医院 影像科医师' });
  await api.step(caseId, 'record', { outcome: 'pass' });
  await api.step(caseId, 'record', { outcome: 'pass', method: 'performance_review' });
  await api.step(caseId, 'record', { outcome: 'pass' });
  await api.step(caseId, 'record', { outcome: 'pass' }, secondOfficer);
}

describe('introduced talents: posts from the plan, subsidies from the fund', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    // Half-second days: a notice lasts a few seconds, time enough to object during it.
    stack = await startTestStack('introduced', { CASE_DAY_SECONDS: '0.5' });
    api = stack.client;
    const plan = await api.openPlan(2023, { quotas: { high_level_talent: 1, shortage_talent: 3 }, fundCny: 300_000 });
    expect(plan.status).toBe(201);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('hires a shortage talent: post reserved then used, subsidy committed then paid in instalments', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '李医生' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await toNotice(api, caseId);
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    await api.step(caseId, 'approve', { opinion: '同意引进' }, approver);
    // A 事业编 post: 备案 with human resources, then 入编 by the staffing office.
    const today = officeDate(new Date());
    await api.step(caseId, 'recordFiling', { filingNumber: '县人社备〔2023〕5号', filingDate: today });
    await api.step(caseId, 'recordEstablishment', { establishmentDate: today });
    await api.step(caseId, 'report', { unit: '县人民医院' });
    const paying = await api.waitFor(caseId, (body) => body.state.subsidy?.committedCny === 50_000);
    expect(paying.stage.id).toBe('settlingIn');

    await api.step(caseId, 'payInstalment', { amountCny: 20_000 });
    const overpaid = await api.act(caseId, 'payInstalment', { amountCny: 40_000 });
    expect(overpaid.status).toBe(400);
    expect(overpaid.body.error).toBe('INVALID_PAYLOAD');
    const probation = await api.step(caseId, 'payInstalment', { amountCny: 30_000 });
    expect(probation.body.stage.id).toBe('probation');
    const hired = await api.step(caseId, 'record', { outcome: 'pass' });

    expect(hired.body.state.outcome).toMatchObject({ id: 'hired', result: 'success' });
    const plan = await api.plan(2023);
    expect(plan.body.quotas.shortage_talent).toMatchObject({ total: 3, used: 1 });
    expect(plan.body.fund).toMatchObject({ committedCny: 50_000, disbursedCny: 50_000 });
  });

  it('gives the post back to the plan when a candidate is rejected after the reservation', async () => {
    const before = (await api.plan(2023)).body.quotas.shortage_talent.available as number;
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '王工' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await api.waitFor(caseId, (body) => body.stage.id === 'application');
    expect((await api.plan(2023)).body.quotas.shortage_talent.available).toBe(before - 1);

    const rejected = await api.act(caseId, 'reject', {}, officer, '资格条件不符');

    expect(rejected.status).toBe(200);
    expect(rejected.body.state.outcome).toMatchObject({ id: 'rejected', reason: '资格条件不符' });
    expect((await api.plan(2023)).body.quotas.shortage_talent).toMatchObject({ available: before, reserved: 0 });
  });

  it('refuses an overdraw: with the only high-level post held, the next case closes as rejected', async () => {
    const first = await api.open({
      kind: 'recruitment',
      channel: 'high_level_talent',
      subject: { name: '赵教授' },
      year: 2023,
    });
    await api.waitFor(first.body.caseId, (body) => body.stage.id === 'application');
    const second = await api.open({
      kind: 'recruitment',
      channel: 'high_level_talent',
      subject: { name: '钱研究员' },
      year: 2023,
    });

    const refused = await api.waitFor(second.body.caseId, (body) => body.state.status === 'closed');

    expect(refused.state.outcome).toMatchObject({ id: 'rejected', result: 'failure' });
    expect(refused.state.outcome.reason).toMatch(/All 1 high_level_talent posts of 2023 are reserved or used/);
    expect((await api.plan(2023)).body.quotas.high_level_talent).toMatchObject({ total: 1, reserved: 1, available: 0 });
  });

  it('suspends the case on an objection during the notice and disqualifies when it is upheld', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '孙老师' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await toNotice(api, caseId);
    const objected = await api.act(caseId, 'raiseObjection', { grounds: '群众反映学历存疑' });
    expect(objected.status).toBe(200);
    expect(objected.body.state.status).toBe('suspended');
    expect((await api.act(caseId, 'record', { outcome: 'pass' })).body.error).toBe('CASE_SUSPENDED');

    const resolved = await api.act(caseId, 'resolveObjection', { upheld: true }, approver, '经核实学历造假');

    expect(resolved.body.state.outcome).toMatchObject({ id: 'disqualified', result: 'failure' });
    expect(resolved.body.outcome.label).toBe('公示异议成立，取消资格');
  });

  it('lets the notice finish after an objection is dismissed', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '周会计' },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await toNotice(api, caseId);
    await api.step(caseId, 'raiseObjection', { grounds: '匿名来信' });

    const byRaiser = await api.act(caseId, 'resolveObjection', { upheld: false }, officer, '来信内容经核实不属实');
    const dismissed = await api.act(
      caseId,
      'resolveObjection',
      { upheld: false },
      secondOfficer,
      '来信内容经核实不属实',
    );

    expect(byRaiser).toMatchObject({ status: 403, body: { error: 'OBJECTION_RAISED_BY_CALLER' } });
    expect(dismissed.body.state.status).toBe('open');
    expect((await api.waitFor(caseId, (body) => body.stage.id === 'approval')).state.status).toBe('open');
  });

  it('refuses opening a plan twice, and to anyone but an admin', async () => {
    const again = await api.openPlan(2023, { quotas: { high_level_talent: 5, shortage_talent: 5 }, fundCny: 1 });
    const notAdmin = await api.openPlan(
      2031,
      { quotas: { high_level_talent: 5, shortage_talent: 5 }, fundCny: 1 },
      officer,
    );

    expect(again).toMatchObject({ status: 409, body: { error: 'PLAN_ALREADY_EXISTS' } });
    expect(notAdmin).toMatchObject({ status: 403, body: { error: 'ROLE_NOT_ALLOWED' } });
    expect((await api.plan(2023, admin)).body.quotas.high_level_talent.total).toBe(1);
  });
});
