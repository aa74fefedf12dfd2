import { Client } from '@temporalio/client';
import { createPlanActivities } from '@talent/activities';
import { SYSTEM_ACTOR } from '@talent/domain';
import { admin, type ApiClient } from '@talent/api-client';
import { startTestStack, type TestStack } from '../../support/test-stack';

/**
 * A case's step reaches the plan through an activity, and Temporal retries an activity whose
 * completion was lost (a worker crash after the Update was applied): the retry must not pay again.
 */
describe('plan commands sent again', () => {
  let stack: TestStack;
  let api: ApiClient;
  let sendPlanCommand: ReturnType<typeof createPlanActivities>['sendPlanCommand'];
  const year = 2030;

  beforeAll(async () => {
    stack = await startTestStack('plan-retries');
    api = stack.client;
    ({ sendPlanCommand } = createPlanActivities(
      stack.api.get(Client),
      { taskQueue: stack.taskQueue, quotas: { high_level_talent: 1, shortage_talent: 1 }, fundCny: 500_000 },
      Buffer.from(stack.env.COMMAND_SIGNING_KEY!, 'base64'),
    ));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const send = (command: Parameters<typeof sendPlanCommand>[0]['command'], commandId: string) =>
    sendPlanCommand({ divisionCode: stack.env.DIVISION_CODE!, year, command, actor: SYSTEM_ACTOR, commandId });

  it('disburses an instalment once, whether the activity or the case asks again', async () => {
    await send({ type: 'commitFund', caseId: 'c-1', amountCny: 200_000 }, 'case:c-1@7.stage');
    const instalment = { type: 'disburseFund', caseId: 'c-1', amountCny: 100_000, instalment: 1 } as const;

    const answers = [
      await send(instalment, 'case:c-1@9.1'),
      // The activity retried: the same Update id.
      await send(instalment, 'case:c-1@9.1'),
      // The step retried under another id (a continue-as-new in between): the same instalment.
      await send(instalment, 'case:c-1@10.1'),
    ];

    expect(answers).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect((await api.plan(year, admin)).body.fund).toMatchObject({ committedCny: 200_000, disbursedCny: 100_000 });
  });

  it('pays the next instalment, and refuses one the commitment does not cover', async () => {
    await send({ type: 'commitFund', caseId: 'c-2', amountCny: 100_000 }, 'case:c-2@7.stage');

    const second = await send({ type: 'disburseFund', caseId: 'c-2', amountCny: 60_000, instalment: 1 }, 'a');
    const overdraw = await send({ type: 'disburseFund', caseId: 'c-2', amountCny: 60_000, instalment: 2 }, 'b');

    expect(second).toEqual({ ok: true });
    expect(overdraw).toMatchObject({ ok: false, code: 'FUND_EXHAUSTED' });
  });
});
