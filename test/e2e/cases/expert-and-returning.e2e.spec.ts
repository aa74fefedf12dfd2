import type { ApiClient } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

describe('expert cooperation and returning talent, end to end', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    // 20 ms days: a yearly evaluation falls due every 7.3 s, a 90-day follow-up after 1.8 s.
    stack = await startTestStack('expert', { CASE_DAY_SECONDS: '0.02' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const openExpert = async (workstationType: string) => {
    const opened = await api.open({
      kind: 'expert_workstation',
      workstationType,
      subject: { name: '某院士团队' },
      year: 2023,
    });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };

  it('appoints an industry development consultant (产业发展顾问)', async () => {
    const caseId = await openExpert('expert_workstation');
    await api.step(caseId, 'recordIntent', { outcome: 'consultant', expertField: '绿色硅材' });
    const appointed = await api.step(caseId, 'appoint', { industry: '绿色硅材' });

    expect(appointed.body.state.outcome).toMatchObject({ id: 'consultant_appointed', result: 'success' });
  });

  it('sets up an academician workstation, evaluates it yearly while it runs, and closes it', async () => {
    const caseId = await openExpert('academician_workstation');
    await api.step(caseId, 'recordIntent', { outcome: 'workstation' });
    await api.step(caseId, 'signAgreement', { hostUnit: '县职业高级中学', signedOn: '2023-04-01' });
    await api.step(caseId, 'submitApplication');
    await api.step(caseId, 'recordDecision', { outcome: 'approved', authority: '省科协' });
    const operating = await api.step(caseId, 'name', { namedOn: '2023-06-18' });
    expect(operating.body.stage).toEqual({ id: 'operating', label: '运行（年度考核）', kind: 'follow_up' });

    const due = await api.waitFor(caseId, (body) => body.state.followUpsDue >= 1);
    expect(due.state.nextFollowUpAt).toBeDefined();
    await api.step(caseId, 'recordEvaluation', { outcome: 'pass', year: 2024 });
    const closed = await api.step(caseId, 'close', {});

    expect(closed.body.state.outcome).toMatchObject({ id: 'closed', result: 'success' });
  });

  it('revokes a workstation that fails its evaluation, and records one the authority did not approve', async () => {
    const revoked = await openExpert('grassroots_research_workstation');
    await api.step(revoked, 'recordIntent', { outcome: 'workstation' });
    await api.step(revoked, 'signAgreement', { hostUnit: '县农科所' });
    await api.step(revoked, 'submitApplication');
    await api.step(revoked, 'recordDecision', { outcome: 'approved' });
    await api.step(revoked, 'name', { namedOn: '2023-07-01' });
    const failed = await api.step(revoked, 'recordEvaluation', { outcome: 'fail' });
    const notApproved = await openExpert('expert_workstation');
    await api.step(notApproved, 'recordIntent', { outcome: 'workstation' });
    await api.step(notApproved, 'signAgreement', { hostUnit: '县人民医院' });
    await api.step(notApproved, 'submitApplication');
    const refused = await api.step(notApproved, 'recordDecision', { outcome: 'rejected', authority: '市科协' });
    const declined = await openExpert('expert_workstation');
    const notPursued = await api.step(declined, 'recordIntent', { outcome: 'declined' });

    expect(failed.body.state.outcome.id).toBe('revoked');
    expect(refused.body.state.outcome.id).toBe('not_approved');
    expect(notPursued.body.state.outcome.id).toBe('not_pursued');
  });

  it('brings a returning native home (归雁), follows up, and records them settled', async () => {
    const opened = await api.open({
      kind: 'returning_talent',
      subject: { name: '刀某某', details: { township: '勐X镇' } },
      year: 2023,
    });
    const caseId = opened.body.caseId as string;
    await api.step(caseId, 'contact', { channel: 'township_party_branch', township: '勐X镇' });
    await api.step(caseId, 'recordIntent', { outcome: 'undecided' });
    await api.step(caseId, 'recordIntent', { outcome: 'willing' });
    await api.step(caseId, 'recordPlacement', { outcome: 'business', unit: '咖啡种植合作社' });

    const firstFollowUp = await api.waitFor(caseId, (body) => body.state.followUpsDue >= 1);
    expect(firstFollowUp.stage.id).toBe('followUp');
    await api.step(caseId, 'checkIn', { outcome: 'continuing' });
    const settled = await api.step(caseId, 'checkIn', { outcome: 'settled' });

    expect(settled.body.state.outcome).toMatchObject({ id: 'settled', result: 'success' });
  });

  it('records a native who does not want to return, and one who leaves again', async () => {
    const unwilling = (await api.open({ kind: 'returning_talent', subject: { name: '甲' }, year: 2023 })).body.caseId;
    await api.step(unwilling, 'contact', { channel: 'office' });
    const notReturning = await api.step(unwilling, 'recordIntent', { outcome: 'unwilling' });
    const leaving = (await api.open({ kind: 'returning_talent', subject: { name: '乙' }, year: 2023 })).body.caseId;
    await api.step(leaving, 'contact', { channel: 'referral' });
    await api.step(leaving, 'recordIntent', { outcome: 'willing' });
    await api.step(leaving, 'recordPlacement', { outcome: 'post' });
    const left = await api.step(leaving, 'checkIn', { outcome: 'left' });

    expect(notReturning.body.state.outcome.id).toBe('not_returning');
    expect(left.body.state.outcome).toMatchObject({ id: 'left_again', result: 'failure' });
  });

  it('marks a stage overdue when its deadline passes', async () => {
    const caseId = (await api.open({ kind: 'returning_talent', subject: { name: '丙' }, year: 2023 })).body.caseId;

    // 登记 has a 30-day deadline: 0.6 s here.
    const overdue = await api.waitFor(caseId, (body) => body.state.overdue === true);

    expect(overdue.stage.id).toBe('registered');
    const listed = await api.waitForList('overdue=true&kind=returning_talent', caseId);
    expect(listed).toMatchObject({ caseId, overdue: true, stage: 'registered' });
  });
});
