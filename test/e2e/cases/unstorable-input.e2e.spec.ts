import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { signCommand } from '@talent/activities';
import { officeDate, toCaseWorkflowId } from '@talent/domain';
import { type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * The api refuses ill-formed text before it reaches a case; should any reach the workflow all the
 * same, PostgreSQL's refusal must refuse that one command, never leave the case retrying for ever
 * and blocking every command after it.
 */
describe('a command the store cannot hold', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startTestStack('unstorable', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const worstText = ['\ud800', 'x\udfff', '\udc00\ud800', 'a\u0000b'];

  it.each(worstText)('is refused (%j) and the case goes on to 试用期', async (text) => {
    const opened = await api.open({ kind: 'recruitment', channel: 'civil_servant', subject: { name: '王考生' } });
    const caseId = opened.body.caseId as string;
    const workflowId = toCaseWorkflowId(caseId);
    const command = {
      type: 'takeAction',
      action: 'register',
      payload: { post: text },
      actor: officer,
      occurredAt: new Date().toISOString(),
    };
    const signature = signCommand(Buffer.from(stack.env.COMMAND_SIGNING_KEY!, 'base64'), workflowId, command);

    const refused = await stack.api
      .get(Client)
      .workflow.getHandle(workflowId)
      .executeUpdate('caseCommand', { args: [command, signature], updateId: signature.commandId })
      .then(
        () => undefined,
        (error: unknown) => (error instanceof WorkflowUpdateFailedError ? error.cause : error),
      );

    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: 'UNSTORABLE_INPUT' });
    await api.step(caseId, 'register', { post: '县直机关 一级科员 😀 \u202e' });
    await api.step(caseId, 'record', { outcome: 'pass' });
    await api.step(caseId, 'record', { outcome: 'pass', score: 78.5 });
    await api.step(caseId, 'record', { outcome: 'pass', score: 85 });
    await api.step(caseId, 'record', { outcome: 'pass' });
    await api.step(caseId, 'record', { outcome: 'pass' }, secondOfficer);
    await api.waitFor(caseId, (body) => body.stage.id === 'approval');
    const reply = { replyNumber: '市公务员局复〔2023〕8号', replyDate: officeDate(new Date()) };
    await api.step(caseId, 'approve', { opinion: '同意录用', ...reply }, approver);
    const reported = await api.step(caseId, 'report', { unit: '县人力资源和社会保障局' });

    // 转正 waits for 试用期's year; the case reached it with every command after the refused one.
    expect(reported.body.stage.id).toBe('probation');
  });
});
