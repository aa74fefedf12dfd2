import { admin, type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Beijing-time instant of an office date. */
const on = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

/**
 * A 2020 case walked to 试用期 on the office's dates, 报到 on 2020-06-(13 + day): backdated, so
 * that 转正 a year later and the 服务期 after it lie in the past.
 */
async function toProbation(api: ApiClient, name: string, day: number): Promise<string> {
  const date = (month: number) => `2020-${String(month).padStart(2, '0')}-${String(13 + day).padStart(2, '0')}`;
  const opened = await api.open({
    kind: 'recruitment',
    channel: 'shortage_talent',
    subject: { name },
    year: 2020,
    occurredAt: on(date(3)),
  });
  const caseId = opened.body.caseId as string;
  await api.waitFor(caseId, (body) => body.stage.id === 'application');
  await api.stepAt(caseId, 'register', { post: '县人民医院 影像科医师' }, on(date(3), 11));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(date(3), 15));
  await api.stepAt(caseId, 'record', { outcome: 'pass', method: 'performance_review' }, on(date(4)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(date(4), 15));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(date(4), 16), secondOfficer);
  // The 公示 was over before it was entered: the officer confirms it ran its course.
  await api.stepAt(caseId, 'confirmNoticeEnded', {}, on(date(5), 9));
  await api.stepAt(caseId, 'approve', { opinion: '同意引进' }, on(date(5)), approver);
  await api.stepAt(
    caseId,
    'recordFiling',
    { filingNumber: `县人社备〔2020〕${day}号`, filingDate: date(5) },
    on(date(5), 15),
  );
  await api.stepAt(caseId, 'recordEstablishment', { establishmentDate: date(6) }, on(date(6), 9));
  const probation = await api.stepAt(caseId, 'report', { unit: '县人民医院' }, on(date(6)));
  expect(probation.body.stage.id).toBe('probation');
  return caseId;
}

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
    // Backdated cases of 2020 run their 试用期 and 服务期 into the past.
    stack = await startTestStack('introduced', { CASE_DAY_SECONDS: '0.5', BACKDATE_LIMIT_DAYS: '3000' });
    api = stack.client;
    const plan2020 = await api.openPlan(2020, {
      quotas: { high_level_talent: 1, shortage_talent: 3 },
      fundCny: 300_000,
    });
    expect(plan2020.status).toBe(201);
    const plan = await api.openPlan(2023, { quotas: { high_level_talent: 1, shortage_talent: 3 }, fundCny: 300_000 });
    expect(plan.status).toBe(201);
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('hires a shortage talent: the post used, the subsidy committed as 试用期 begins and paid yearly into the 服务期', async () => {
    const caseId = await toProbation(api, '李医生', 2);

    const committed = await api.waitFor(caseId, (body) => body.state.subsidy?.committedCny === 50_000);
    expect(committed.stage.id).toBe('probation');
    // The first instalment on the first yearly assessment (年度考核合格), within 试用期.
    await api.stepAt(caseId, 'payInstalment', { amountCny: 20_000 }, on('2020-12-20'));
    const early = await api.actAt(caseId, 'confirm', {}, on('2021-06-14'));
    expect(early).toMatchObject({ status: 422, body: { error: 'ACTION_TOO_EARLY' } });
    const service = await api.stepAt(caseId, 'confirm', {}, on('2021-06-16'));
    expect(service.body.stage).toMatchObject({ id: 'servicePeriod', label: '服务期' });

    const beforeNextYear = await api.actAt(caseId, 'payInstalment', { amountCny: 30_000 }, on('2021-12-19'));
    expect(beforeNextYear).toMatchObject({ status: 422, body: { error: 'ACTION_TOO_EARLY' } });
    const overpaid = await api.actAt(caseId, 'payInstalment', { amountCny: 40_000 }, on('2021-12-20'));
    expect(overpaid).toMatchObject({ status: 400, body: { error: 'INVALID_PAYLOAD' } });
    await api.stepAt(caseId, 'payInstalment', { amountCny: 30_000 }, on('2021-12-20'));
    const hired = await api.stepAt(caseId, 'completeService', {}, on('2026-06-16'));

    expect(hired.body.state.outcome).toMatchObject({ id: 'hired', result: 'success' });
    const plan = await api.plan(2020);
    expect(plan.body.quotas.shortage_talent).toMatchObject({ total: 3, used: 1 });
    expect(plan.body.fund).toMatchObject({ committedCny: 50_000, disbursedCny: 50_000, returnedCny: 0 });
  });

  it('claws back an early leaver’s subsidy into the fund (违约退还)', async () => {
    const caseId = await toProbation(api, '吴药师', 3);
    await api.waitFor(caseId, (body) => body.state.subsidy?.committedCny === 50_000);
    await api.stepAt(caseId, 'payInstalment', { amountCny: 25_000 }, on('2020-12-21'));
    await api.stepAt(caseId, 'confirm', {}, on('2021-06-17'));
    const before = (await api.plan(2020)).body.fund.availableCny as number;

    const withoutReason = await api.actAt(caseId, 'recordEarlyDeparture', {}, on('2022-03-01'));
    expect(withoutReason).toMatchObject({ status: 400, body: { error: 'INVALID_PAYLOAD' } });
    const left = await api.stepAt(caseId, 'recordEarlyDeparture', {}, on('2022-03-01'), officer, '服务期未满调离本县');

    expect(left.body.state.outcome).toMatchObject({ id: 'leftServiceEarly', result: 'failure' });
    expect(left.body.outcome.label).toBe('服务期内提前离职');
    const plan = (await api.plan(2020)).body;
    // The 25,000 paid comes back, and the 25,000 never paid is released: the whole 50,000 is free again.
    expect(plan.fund).toMatchObject({ disbursedCny: 75_000, returnedCny: 25_000, availableCny: before + 50_000 });
    expect(plan.quotas.shortage_talent).toMatchObject({ used: 2 });
    const history = (await api.history(caseId)).body.events as Array<{ type: string; data: object }>;
    expect(history.find((event) => event.type === 'SubsidyClawedBack')?.data).toEqual({
      year: 2020,
      amountCny: 25_000,
    });
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
