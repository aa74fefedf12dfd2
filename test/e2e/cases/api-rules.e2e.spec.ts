import { Client, Connection } from '@temporalio/client';
import { toCaseWorkflowId } from '@talent/domain';
import { admin, type ApiClient, approver, officer, requestJson } from '@talent/api-client';
import { authHeaders, forgetCredentials } from '../../support/identities';
import { startTestStack, type TestStack } from '../../support/test-stack';

describe('the case api refuses clearly and never writes half', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startTestStack('rules', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const openCampusTeacher = async (name = '陈老师') => {
    const opened = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name }, year: 2023 });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };

  it('returns the existing case for a repeated Idempotency-Key, and 409 for the key with other details', async () => {
    const headers = { 'idempotency-key': 'hr-2023-000123' };
    const body = { kind: 'recruitment', channel: 'campus_teacher', subject: { name: '林老师' }, year: 2023 };

    const first = await api.open(body, officer, headers);
    const again = await api.open(body, officer, headers);
    const different = await api.open({ ...body, subject: { name: '别人' } }, officer, headers);

    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { caseId: first.body.caseId } });
    expect(different.status).toBe(409);
  });

  it('names the field of a malformed request (400)', async () => {
    const missingChannel = await api.open({ kind: 'recruitment', subject: { name: 'x' } });
    const badKind = await api.open({ kind: 'spaceship', subject: { name: 'x' } });
    const caseId = await openCampusTeacher();
    const badPayload = await api.act(caseId, 'register', { post: '', salary: 1 });

    expect(missingChannel.status).toBe(400);
    expect(missingChannel.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^channel must be one of/)]),
    );
    expect(badKind.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^kind must be one of/)]));
    expect(badPayload.status).toBe(400);
    expect(badPayload.body.message).toEqual(
      expect.arrayContaining(['post must NOT have fewer than 1 characters', 'salary is not a field of this action']),
    );
  });

  it('wants to know who is acting (401): identity headers of old are no credential', async () => {
    const anonymous = await requestJson(`${stack.baseUrl}/cases`, { body: {} });
    const claimed = await requestJson(`${stack.baseUrl}/cases/x`, {
      headers: { 'x-user-id': 'u', 'x-user-role': 'admin' },
    });
    const forged = await requestJson(`${stack.baseUrl}/cases/x`, { headers: { authorization: 'Bearer not.a.token' } });

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toMatch(/POST \/auth\/sign-in/);
    expect(claimed.status).toBe(401);
    expect(forged.status).toBe(401);
  });

  it('answers 404 for a case that does not exist', async () => {
    expect((await api.view('no-such-case')).status).toBe(404);
    expect((await api.act('no-such-case', 'withdraw', {}, officer, 'x')).status).toBe(404);
  });

  it('refuses a role that may not act (403) and an action the stage does not accept (409), naming the rule', async () => {
    const caseId = await openCampusTeacher();

    const asApprover = await api.act(caseId, 'register', { post: '语文教师' }, approver);
    const wrongStage = await api.act(caseId, 'approve', { opinion: '同意' }, approver);

    expect(asApprover).toMatchObject({ status: 403, body: { error: 'ROLE_NOT_ALLOWED' } });
    expect(wrongStage).toMatchObject({ status: 409, body: { error: 'STAGE_DOES_NOT_ACCEPT_ACTION' } });
    expect(wrongStage.body.message).toMatch(/application \(报名\) does not accept 'approve'; it accepts: register/);
  });

  it('refuses the approval to the officer who submitted the case, even once promoted (403)', async () => {
    const caseId = await openCampusTeacher();
    const submitter = { id: 'officer-zhou', role: 'hr_officer' } as const;
    const selfApprover = { id: 'leader-qian', role: 'approver' } as const;
    await api.step(caseId, 'register', { post: '数学教师' }, submitter);
    await api.step(caseId, 'record', { outcome: 'pass' }, submitter);
    await api.step(caseId, 'record', { outcome: 'pass', score: 90 }, submitter);
    await api.step(caseId, 'record', { outcome: 'pass' }, submitter);
    await api.step(caseId, 'record', { outcome: 'pass' }, submitter);
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    const promoted = await requestJson(`${stack.baseUrl}/users/${submitter.id}`, {
      method: 'PATCH',
      body: { role: 'approver', reason: '任科长' },
      headers: await authHeaders(stack.baseUrl, admin),
    });
    expect(promoted).toMatchObject({ status: 200, body: { role: 'approver' } });
    // The new role ended the officer's session; the old token is refused.
    expect((await api.view(caseId, submitter)).status).toBe(401);
    forgetCredentials(stack.baseUrl, submitter.id);
    // The stage was entered by the engine after the notice; the last person to move the case is the officer.
    const bySubmitter = await api.act(caseId, 'approve', { opinion: '同意' }, { ...submitter, role: 'approver' });

    expect(bySubmitter).toMatchObject({ status: 403, body: { error: 'APPROVER_IS_SUBMITTER' } });
    expect((await api.act(caseId, 'approve', { opinion: '同意' }, selfApprover)).status).toBe(200);
  });

  it('lets one of two concurrent actions win and refuses the other with 409', async () => {
    const caseId = await openCampusTeacher();

    const [first, second] = await Promise.all([
      api.act(caseId, 'register', { post: '英语教师' }),
      api.act(caseId, 'register', { post: '音乐教师' }),
    ]);

    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first.body.error, second.body.error]).toContain('STAGE_DOES_NOT_ACCEPT_ACTION');
    const { body } = await api.view(caseId);
    expect(body.stage.id).toBe('qualificationReview');
    expect(body.state.version).toBe(5);
  });

  it('withdraws a campus teacher with the reason, and refuses anything after (409)', async () => {
    const caseId = await openCampusTeacher();
    await api.step(caseId, 'register', { post: '体育教师' });

    const withdrawn = await api.act(caseId, 'withdraw', {}, officer, '考生已签约外省学校');
    const after = await api.act(caseId, 'record', { outcome: 'pass' });

    expect(withdrawn.body.state.outcome).toMatchObject({ id: 'withdrawn', reason: '考生已签约外省学校' });
    expect(after).toMatchObject({ status: 409, body: { error: 'CASE_NOT_OPEN' } });
    expect((await api.act(caseId, 'reject', {}, officer)).status).toBe(400);
  });

  it('still shows a closed case after Temporal has forgotten its workflow, from the event store', async () => {
    const caseId = await openCampusTeacher('档案');
    await api.act(caseId, 'withdraw', {}, officer, '放弃');
    const connection = stack.api.get(Connection);
    await connection.workflowService.deleteWorkflowExecution({
      namespace: process.env.TEMPORAL_NAMESPACE,
      workflowExecution: { workflowId: toCaseWorkflowId(caseId) },
    });
    const deadline = Date.now() + 10_000;
    while (
      Date.now() < deadline &&
      (await stack.api
        .get(Client)
        .workflow.getHandle(toCaseWorkflowId(caseId))
        .describe()
        .then(
          () => true,
          () => false,
        ))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const archived = await api.view(caseId);
    const reopened = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '档案' },
      year: 2023,
      caseId,
    });

    expect(archived.status).toBe(200);
    expect(archived.body.state).toMatchObject({ status: 'closed', outcome: { id: 'withdrawn', reason: '放弃' } });
    expect(reopened).toMatchObject({ status: 200, body: { caseId, state: { status: 'closed' } } });
    expect((await api.act(caseId, 'record', { outcome: 'pass' })).body.error).toBe('CASE_NOT_OPEN');
  });

  it('refuses facts dated in the future or too long ago (422)', async () => {
    const future = await api.open({
      kind: 'returning_talent',
      subject: { name: 'x' },
      occurredAt: '2999-01-01T00:00:00Z',
    });
    const ancient = await api.open({
      kind: 'returning_talent',
      subject: { name: 'x' },
      occurredAt: '2001-01-01T00:00:00Z',
    });

    expect(future).toMatchObject({ status: 422, body: { error: 'OCCURRED_IN_FUTURE' } });
    expect(ancient).toMatchObject({ status: 422, body: { error: 'BACKDATED_TOO_FAR' } });
  });

  it('lists cases from the read model with filters and a cursor', async () => {
    const ids = [await openCampusTeacher('甲'), await openCampusTeacher('乙'), await openCampusTeacher('丙')];
    // The list is a read model: wait until it shows the newest two, then page through it.
    await api.waitForList('channel=campus_teacher&status=open', ids[2]!);
    await api.waitForList('channel=campus_teacher&status=open', ids[1]!);
    const page = await api.list('channel=campus_teacher&status=open&limit=2');

    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0]).toMatchObject({ kind: 'recruitment', channel: 'campus_teacher', status: 'open' });
    const next = await api.list(`channel=campus_teacher&status=open&limit=2&cursor=${page.body.nextCursor}`);
    const seen = [...page.body.items, ...next.body.items].map((item: { caseId: string }) => item.caseId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([ids[2], ids[1]]));
    expect((await api.list('cursor=garbage')).status).toBe(400);
    expect((await api.list('overdue=perhaps')).status).toBe(400);
  });
});
