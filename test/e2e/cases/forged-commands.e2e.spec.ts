import { Client, WorkflowFailedError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import { generateCommandSigningKey, signCommand } from '@talent/activities';
import { toCaseWorkflowId, toPlanWorkflowId } from '@talent/domain';
import { PG_POOL } from '@talent/platform';
import { builtInPipelines } from '@talent/pipelines';
import { type ApiClient, approver, officer } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * Whoever reaches Temporal's port is not the api: a command that the api did not sign, one signed
 * with another key, or a signed one sent a second time, changes nothing and is recorded.
 */
describe('commands that did not come through the api', () => {
  let stack: TestStack;
  let api: ApiClient;
  let temporal: Client;
  let pool: Pool;

  beforeAll(async () => {
    stack = await startTestStack('forged', { CASE_DAY_SECONDS: '0.05' });
    api = stack.client;
    temporal = stack.api.get(Client);
    pool = stack.api.get<Pool>(PG_POOL);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const eventsOf = async (streamId: string) =>
    (await pool.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE stream_id = $1', [streamId])).rows[0]!.n;
  const refusedCommands = async (workflowId: string) =>
    (
      await pool.query<{ reason: string; actor: string }>(
        `SELECT metadata->>'reason' AS reason, metadata->'actor'->>'id' AS actor FROM events
          WHERE event_type = 'RequestRefused' AND data->>'workflowId' = $1 ORDER BY global_position`,
        [workflowId],
      )
    ).rows;
  const refusalOf = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    const cause =
      error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError ? error.cause : error;
    return cause instanceof ApplicationFailure ? cause.type : String(error);
  };

  it('refuses an Update in an invented officer’s name, unsigned or signed with another key, and records it', async () => {
    const opened = await api.open({ kind: 'recruitment', channel: 'civil_servant', subject: { name: '赵考生' } });
    const caseId = opened.body.caseId as string;
    const workflowId = toCaseWorkflowId(caseId);
    const handle = temporal.workflow.getHandle(workflowId);
    const before = await eventsOf(`case-${caseId}`);
    const forged = {
      type: 'takeAction',
      action: 'register',
      payload: { post: '县直机关 一级科员' },
      actor: { id: 'invented-officer', role: 'hr_officer' },
      occurredAt: new Date().toISOString(),
    };
    const otherKey = Buffer.from(generateCommandSigningKey(), 'base64');

    const unsigned = await refusalOf(handle.executeUpdate('caseCommand', { args: [forged] }));
    const wrongKey = await refusalOf(
      handle.executeUpdate('caseCommand', { args: [forged, signCommand(otherKey, workflowId, forged)] }),
    );

    expect([unsigned, wrongKey]).toEqual(['COMMAND_NOT_SIGNED', 'COMMAND_NOT_SIGNED']);
    expect(await eventsOf(`case-${caseId}`)).toBe(before);
    expect(await refusedCommands(workflowId)).toEqual([
      { reason: 'the command carries no signature', actor: 'invented-officer' },
      { reason: 'the command signature does not match the command', actor: 'invented-officer' },
    ]);
    expect((await api.step(caseId, 'register', { post: '县直机关 一级科员' })).body.stage.id).not.toBe('application');
  });

  it('refuses a signed command sent a second time under another update id', async () => {
    const opened = await api.open({
      kind: 'expert_workstation',
      workstationType: 'expert_workstation',
      subject: { name: '合作专家团队' },
    });
    const caseId = opened.body.caseId as string;
    await api.step(caseId, 'recordIntent', { outcome: 'workstation', expertField: '绿色硅材' });
    await api.step(caseId, 'signAgreement', { hostUnit: '县职业高级中学' });
    await api.step(caseId, 'submitApplication', {});
    await api.step(caseId, 'recordDecision', { outcome: 'approved', authority: '省科协' });
    await api.step(caseId, 'name', { namedOn: '2026-01-05' });
    const workflowId = toCaseWorkflowId(caseId);
    const key = Buffer.from(stack.env.COMMAND_SIGNING_KEY!, 'base64');
    // A yearly evaluation leaves the workstation where it is: the stage would accept it twice.
    const command = {
      type: 'takeAction',
      action: 'recordEvaluation',
      payload: { outcome: 'pass' },
      actor: officer,
      occurredAt: new Date().toISOString(),
    };
    const signature = signCommand(key, workflowId, command);
    const handle = temporal.workflow.getHandle(workflowId);

    await handle.executeUpdate('caseCommand', { args: [command, signature], updateId: signature.commandId });
    const after = await eventsOf(`case-${caseId}`);
    const replayed = await refusalOf(
      handle.executeUpdate('caseCommand', { args: [command, signature], updateId: 'another-id' }),
    );

    expect(replayed).toBe('COMMAND_NOT_SIGNED');
    expect(await eventsOf(`case-${caseId}`)).toBe(after);
    expect((await refusedCommands(workflowId)).map((refused) => refused.reason)).toEqual([
      'the command was already used once',
    ]);
  });

  it('never opens a case that a client started on Temporal directly', async () => {
    const pipeline = builtInPipelines.find((definition) => definition.id === 'recruitment.civil_servant')!;
    const workflowId = toCaseWorkflowId('forged-case');
    const open = {
      type: 'openCase',
      caseId: 'forged-case',
      pipeline,
      subject: { name: '冒名' },
      year: 2026,
      divisionCode: stack.env.DIVISION_CODE,
      actor: officer,
      occurredAt: new Date().toISOString(),
    };

    const outcome = await refusalOf(
      temporal.workflow.execute('caseWorkflow', { workflowId, taskQueue: stack.taskQueue, args: [{ open }] }),
    );

    expect(outcome).toBe('COMMAND_NOT_SIGNED');
    expect(await eventsOf('case-forged-case')).toBe('0');
    expect((await api.view('forged-case')).status).toBe(404);
  });

  it('refuses a plan command that the worker did not sign: nobody pays out of the fund by hand', async () => {
    const year = 2026;
    expect(
      (await api.openPlan(year, { quotas: { high_level_talent: 1, shortage_talent: 1 }, fundCny: 100 })).status,
    ).toBe(201);
    const workflowId = toPlanWorkflowId(stack.env.DIVISION_CODE!, year);
    const before = await eventsOf(`plan-${stack.env.DIVISION_CODE}-${year}`);

    const refused = await refusalOf(
      temporal.workflow.getHandle(workflowId).executeUpdate('planCommand', {
        args: [{ command: { type: 'reserveQuota', caseId: 'x', category: 'shortage_talent' }, actor: approver }],
      }),
    );

    expect(refused).toBe('COMMAND_NOT_SIGNED');
    expect(await eventsOf(`plan-${stack.env.DIVISION_CODE}-${year}`)).toBe(before);
    expect((await api.plan(year)).body.quotas.shortage_talent.available).toBe(1);
  });
});
