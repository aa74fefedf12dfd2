import { officeDate, officeYear } from '@talent/domain';
import { type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';
import { authHeaders } from '../../support/identities';
import { startTestStack, type TestStack } from '../../support/test-stack';

describe('a civil-servant recruitment, end to end', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    // A "day" of 50 ms: the five-working-day notice runs in well under a second.
    stack = await startTestStack('recruitment', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('runs from application to 试用期 through every stage, the notice included, and holds 转正 for its year', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '张三' },
      year: 2023,
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      pipeline: { id: 'recruitment.civil_servant', version: 3 },
      stage: { id: 'application', label: '报名' },
    });
    const caseId = opened.body.caseId as string;

    await api.step(caseId, 'register', { post: '县人社局 一级科员' });
    await api.step(caseId, 'record', { outcome: 'pass' });
    await api.step(caseId, 'record', { outcome: 'pass', score: 78.5 });
    await api.step(caseId, 'record', { outcome: 'pass', score: 85 });
    await api.step(caseId, 'record', { outcome: 'pass' });
    const inNotice = await api.step(caseId, 'record', { outcome: 'pass' }, secondOfficer);
    expect(inNotice.body.stage).toEqual({ id: 'publicNotice', label: '公示', kind: 'notice' });

    expect(inNotice.body.notice).toEqual({
      endsAt: inNotice.body.state.noticeEndsAt,
      daysLeft: expect.any(Number),
      // Civil servants' 公示 runs five working days.
      counted: 'working_days',
    });
    expect(inNotice.body.notice.daysLeft).toBeLessThanOrEqual(1);

    const approval = await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    expect(approval.notice).toBeNull();
    expect(approval.allowedActions.map((action: { action: string }) => action.action)).toEqual(['withdraw', 'reject']);
    const withoutReply = await api.act(caseId, 'approve', { opinion: '同意录用' }, approver);
    expect(withoutReply.status).toBe(400);
    // The municipal civil-service authority's reply (批复) is what the approval records.
    const reply = { replyNumber: '市公务员局复〔2023〕8号', replyDate: officeDate(new Date()) };
    await api.step(caseId, 'approve', { opinion: '同意录用', ...reply }, approver);
    const probation = await api.step(caseId, 'report', { unit: '县人力资源和社会保障局' });
    expect(probation.body.stage).toMatchObject({ id: 'probation', label: '试用期' });
    expect(probation.body.allowedActions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'confirm', label: '转正', reasonRequired: false }),
        expect.objectContaining({ action: 'cancelAppointment', label: '取消录用', reasonRequired: true }),
      ]),
    );

    // 试用期满一年方可转正: the year began today.
    const tooEarly = await api.act(caseId, 'confirm', {});
    expect(tooEarly).toMatchObject({ status: 422, body: { error: 'ACTION_TOO_EARLY' } });
    const withoutReason = await api.act(caseId, 'cancelAppointment', {});
    expect(withoutReason).toMatchObject({ status: 400, body: { error: 'INVALID_PAYLOAD' } });

    // The annual statistics count the recruit in the year of 报到 (once the projector has caught up),
    // and can name the event they count.
    const year = officeYear(new Date());
    const figures = await api.waitForStatistics(
      year,
      (body) => body.recruitment.recruitedByChannel.civil_servant === 1,
    );
    expect(figures.recruitment.notHiredByOutcome).toEqual({
      rejected: 0,
      withdrawn: 0,
      disqualified: 0,
      appointmentCancelled: 0,
    });
    const facts = await api.statisticFacts(year, 'metric=recruited&dimension=civil_servant');
    expect(facts.body).toEqual({
      items: [expect.objectContaining({ streamId: `case-${caseId}`, dimension: 'civil_servant', amount: 1 })],
      nextCursor: null,
    });
    expect((await api.statisticFacts(year, 'metric=bogus')).status).toBe(400);
    expect((await api.statistics(year, 'asOf=2020-01-01')).body.recruitment.recruitedByChannel.civil_servant).toBe(0);
    const report = await fetch(`${stack.baseUrl}/reports/annual/${year}?format=md`, {
      headers: await authHeaders(stack.baseUrl, officer),
    });
    expect(report.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await report.text()).toContain(
      `今年新招录公务员[1](/statistics/annual/${year}/facts?metric=recruited&dimension=civil_servant)人`,
    );
  });
});
