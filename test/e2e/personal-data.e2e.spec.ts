import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Pool } from 'pg';
import { type Actor, toCaseWorkflowId } from '@talent/domain';
import { PG_POOL } from '@talent/platform';
import { type AppProcess, spawnApi, spawnWorker } from '../support/app-process';
import { approver, auditor, officer, requestJson, secondOfficer } from '@talent/api-client';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

const ID_CARD = '11010519491231002X';
const PHONE = '13812345678';
const MASKED = { idCardNumber: '1101**********002X', phone: '138****5678' };
// Every way the numbers could show up in a log line or a stored payload.
const PLAINTEXTS = [ID_CARD, PHONE, '110105194912', '1949123100', '138 1234 5678'];

/** Every payload of a Temporal history, decoded: the workflow inputs, update arguments and results. */
function decodedPayloads(historyJson: string): string {
  const decoded: string[] = [];
  JSON.parse(historyJson, (key, value: unknown) => {
    if (key === 'data' && typeof value === 'string') decoded.push(Buffer.from(value, 'base64').toString('utf8'));
    return value;
  });
  return decoded.join('\n');
}

describe('personal data (PIPL): encrypted at rest, masked for all but the handling officer, never logged', () => {
  let stack: TestStack;
  let api: AppProcess & { baseUrl: string };
  let worker: AppProcess;

  beforeAll(async () => {
    stack = await startTestStack('pii', { CASE_DAY_SECONDS: '0.05' }, { inProcessWorker: false });
    // The api and the worker as deployed, logging everything they would at the most verbose level.
    worker = spawnWorker({ ...stack.env, LOG_LEVEL: 'trace' });
    api = await spawnApi({ ...stack.env, LOG_LEVEL: 'trace' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await stack?.close();
  });

  // Credentials come from the test stack's api; both apis share the database and the secrets.
  const call = async (who: Actor, url: string, body?: unknown) =>
    requestJson(`${api.baseUrl}${url}`, { body, headers: await authHeaders(stack.baseUrl, who) });

  it('shows the numbers to the officer handling the case and masks them for every other role', async () => {
    const opened = await call(officer, '/cases', {
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '李四', idCardNumber: ID_CARD.toLowerCase(), phone: `+86 ${PHONE}` },
    });
    const caseId = opened.body.caseId as string;

    expect(opened.status).toBe(201);
    expect(opened.body.subject).toEqual({ name: '李四', idCardNumber: ID_CARD, phone: PHONE, personalData: 'shown' });
    for (const viewer of [secondOfficer, approver, auditor]) {
      const view = await call(viewer, `/cases/${caseId}`);
      expect({ viewer: viewer.id, subject: view.body.subject }).toEqual({
        viewer: viewer.id,
        subject: { name: '李四', ...MASKED, personalData: 'masked' },
      });
      expect(JSON.stringify(view.body)).not.toContain(PHONE);
    }
    const history = await call(auditor, `/cases/${caseId}/history`);
    const list = await call(auditor, '/cases?kind=recruitment');
    expect(history.body.events[0].data.subject).toMatchObject(MASKED);
    for (const body of [history.body, list.body]) expect(JSON.stringify(body)).not.toMatch(/13812345678|19491231/);

    const stored = await stack.api
      .get<Pool>(PG_POOL)
      .query<{ data: string }>('SELECT data::text FROM events WHERE stream_id = $1', [`case-${caseId}`]);
    const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
    const temporal = new Client({ connection, namespace: stack.env.TEMPORAL_NAMESPACE });
    const workflowHistory = decodedPayloads(
      historyToJSON(await temporal.workflow.getHandle(toCaseWorkflowId(caseId)).fetchHistory()),
    );
    await connection.close();
    expect(stored.rows[0]!.data).toMatch(/"idCardNumber": "pii:v1:/);
    for (const text of PLAINTEXTS) {
      expect(stored.rows.map((row) => row.data).join()).not.toContain(text);
      expect(workflowHistory).not.toContain(text);
    }
  });

  it('makes the first officer to act on a case another system opened its handler', async () => {
    const hrSystem: Actor = { id: 'hr-system', role: 'api_client' };
    const opened = await call(hrSystem, '/cases', {
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '王五', idCardNumber: ID_CARD, phone: PHONE },
    });
    const caseId = opened.body.caseId as string;
    expect(opened.body.subject).toMatchObject({ ...MASKED, personalData: 'masked' });

    const registered = await call(officer, `/cases/${caseId}/actions`, {
      action: 'register',
      payload: { post: '数学' },
    });
    expect(registered.body.subject).toMatchObject({ idCardNumber: ID_CARD, phone: PHONE, personalData: 'shown' });
    expect((await call(secondOfficer, `/cases/${caseId}`)).body.subject).toMatchObject(MASKED);
    expect((await call(hrSystem, `/cases/${caseId}`)).body.subject).toMatchObject(MASKED);
  });

  it('refuses malformed numbers, and numbers hidden in free text, naming the field but not the value', async () => {
    const badCard = await call(officer, '/cases', {
      kind: 'returning_talent',
      subject: { name: '赵六', idCardNumber: '110105194912310021' },
    });
    const hidden = await call(officer, '/cases', {
      kind: 'returning_talent',
      subject: {
        name: '赵六',
        details: {
          note: '电话 +86 138-1234-5678',
          mobile: 13812345678,
          oldCard: '110105 491231 002',
          contact: { phone: PHONE },
        },
      },
    });
    const opened = await call(officer, '/cases', { kind: 'returning_talent', subject: { name: '赵六' } });
    const inReason = await call(officer, `/cases/${opened.body.caseId}/actions`, {
      action: 'withdraw',
      reason: `本人放弃，联系电话${PHONE}`,
    });

    expect(badCard).toMatchObject({
      status: 400,
      body: { message: ['subject.idCardNumber has a wrong check character'] },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.body.message).toEqual([
      expect.stringMatching(/^subject.details.note looks like an identity-card or phone number/),
      expect.stringMatching(/^subject.details.mobile looks like/),
      expect.stringMatching(/^subject.details.oldCard looks like/),
      'subject.details.contact must be a string, a number or a boolean',
    ]);
    expect(inReason).toMatchObject({ status: 400, body: { message: [expect.stringMatching(/^reason looks like/)] } });
    for (const body of [hidden.body, inReason.body]) expect(JSON.stringify(body)).not.toContain('1234');
  });

  it('never writes the numbers to the logs of the api or the worker', () => {
    const logs = `${api.output()}\n${worker.output()}`;
    // The logs are there and verbose: the requests above are in them.
    expect(logs).toMatch(/"url":"\/cases"/);
    for (const text of PLAINTEXTS) expect(logs).not.toContain(text);
  });
});
