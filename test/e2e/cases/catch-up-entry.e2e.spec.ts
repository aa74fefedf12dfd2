import { admin, type ApiClient, approver, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/** Beijing time of a day in 2024. */
const on = (date: string, hour = 10) =>
  new Date(`2024-${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

/**
 * Offices enter past facts (catch-up entry): what the engine derives from them is dated when it
 * happened in the office, not when it was typed in, and counts in its own year.
 */
describe('facts entered after the fact', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    // Real days: a 2024 notice of five working days is long over by now.
    stack = await startTestStack('catch-up', { BACKDATE_LIMIT_DAYS: '2000' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const occurrences = async (caseId: string) =>
    ((await api.history(caseId)).body.events as Array<{ type: string; occurredAt: string }>).map(
      (event) => `${event.type} ${event.occurredAt}`,
    );

  async function toNoticeIn2024(name: string): Promise<string> {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name },
      occurredAt: on('06-03'),
    });
    const caseId = opened.body.caseId as string;
    const steps: Array<[string, Record<string, unknown>, string]> = [
      ['register', { post: '县直机关 一级科员' }, on('06-03', 11)],
      ['record', { outcome: 'pass' }, on('06-05')],
      ['record', { outcome: 'pass', score: 80 }, on('06-15')],
      ['record', { outcome: 'pass', score: 85 }, on('06-20')],
      ['record', { outcome: 'pass' }, on('06-25')],
    ];
    for (const [action, payload, occurredAt] of steps) {
      expect((await api.actAt(caseId, action, payload, occurredAt)).status).toBe(200);
    }
    const inspected = await api.actAt(caseId, 'record', { outcome: 'pass' }, on('07-01'), secondOfficer);
    expect(inspected.body.stage.id).toBe('publicNotice');
    return caseId;
  }

  it('keeps a notice entered after its end open for the officer to confirm, with objections dated in it', async () => {
    const caseId = await toNoticeIn2024('孙考生');
    const notice = (await api.view(caseId)).body;

    const tooEarly = await api.actAt(caseId, 'raiseObjection', { grounds: '来信反映' }, on('06-28'));
    const tooLate = await api.actAt(caseId, 'raiseObjection', { grounds: '来信反映' }, on('07-08'));
    const raised = await api.actAt(caseId, 'raiseObjection', { grounds: '来信反映学历存疑' }, on('07-03'));
    const dismissed = await api.actAt(
      caseId,
      'resolveObjection',
      { upheld: false },
      on('07-04'),
      secondOfficer,
      '经核实不属实',
    );
    const confirmed = await api.act(caseId, 'confirmNoticeEnded', {});
    // Its deadline, thirty days after the notice ended (the authority's reply), passed long ago:
    // the engine says so at once.
    const overdue = await api.waitFor(caseId, (body) => body.state.overdue);
    const reply = { replyNumber: '某公录〔2024〕9号', replyDate: '2024-08-08' };
    const approved = await api.actAt(caseId, 'approve', { opinion: '同意录用', ...reply }, on('08-10'), approver);

    // 5 working days from Monday 1 July: the notice ends as Saturday 6 July begins.
    expect(notice.state).toMatchObject({ noticeEndsAt: on('07-06', 0), noticeEndConfirmedByOfficer: true });
    expect(notice.allowedActions.map((action: { action: string }) => action.action)).toContain('confirmNoticeEnded');
    expect(tooEarly).toMatchObject({ status: 422, body: { error: 'OCCURRED_BEFORE_LAST_FACT' } });
    expect(tooLate).toMatchObject({ status: 409, body: { error: 'OUTSIDE_NOTICE_PERIOD' } });
    expect(raised.status).toBe(200);
    expect(dismissed.status).toBe(200);
    expect(confirmed.body.stage.id).toBe('approval');
    expect(overdue.state.deadlineAt).toBe(on('08-05', 0));
    expect(approved.body.stage.id).toBe('onboarding');
    expect(await occurrences(caseId)).toEqual(
      expect.arrayContaining([
        `NoticeCompleted ${on('07-06', 0)}`,
        `StageEntered ${on('07-06', 0)}`,
        `StageOverdue ${on('08-05', 0)}`,
        `ActionTaken ${on('08-10')}`,
      ]),
    );
  });

  it('refuses a fact dated before the case’s last one', async () => {
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '周考生' },
      occurredAt: on('06-03'),
    });
    const caseId = opened.body.caseId as string;

    const earlier = await api.actAt(caseId, 'register', { post: '县直机关 一级科员' }, on('06-01'));

    expect(earlier).toMatchObject({ status: 422, body: { error: 'OCCURRED_BEFORE_LAST_FACT' } });
    expect(earlier.body.message).toContain(on('06-03'));
  });

  it('dates a refused post on the day the case opened, so it counts in that year', async () => {
    expect(
      (await api.openPlan(2024, { quotas: { high_level_talent: 0, shortage_talent: 0 }, fundCny: 0 }, admin)).status,
    ).toBe(201);
    const opened = await api.open({
      kind: 'recruitment',
      channel: 'shortage_talent',
      subject: { name: '吴医生' },
      occurredAt: on('03-01'),
    });
    const caseId = opened.body.caseId as string;

    const closed = await api.waitFor(caseId, (body) => body.state.status === 'closed');

    expect(closed.state.outcome).toMatchObject({ id: 'rejected' });
    expect(await occurrences(caseId)).toEqual(
      expect.arrayContaining([`QuotaRefused ${on('03-01')}`, `CaseClosed ${on('03-01')}`]),
    );
  });
});
