import type { Actor } from '@talent/domain';
import { admin, type ApiClient, approver, type JsonResponse, officer, requestJson } from '@talent/api-client';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

const ILL_FORMED = 'must be well-formed Unicode text without NUL characters';

/** JSON nested `depth` levels deep, written out because JSON.stringify itself would overflow on it. */
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('bad input earns a 4xx naming the field, never a 500, and never wedges a case', () => {
  let stack: TestStack;
  let api: ApiClient;

  beforeAll(async () => {
    stack = await startTestStack('bad-input');
    api = stack.client;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const get = async (path: string, actor: Actor = officer) =>
    requestJson(`${stack.baseUrl}${path}`, { headers: await authHeaders(stack.baseUrl, actor) });

  const postRaw = async (path: string, body: string, actor?: Actor): Promise<JsonResponse> => {
    const headers = actor ? await authHeaders(stack.baseUrl, actor) : {};
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  const openCampusTeacher = async () => {
    const opened = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name: '周老师' } });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };

  it('refuses a lone surrogate or NUL in any string or key of a body, naming its path, and the case goes on', async () => {
    const caseId = await openCampusTeacher();
    await api.step(caseId, 'register', { post: '语文教师' });

    const surrogate = await api.act(caseId, 'record', { outcome: 'pass', remarks: '材料齐全\ud800' });
    const nul = await api.act(caseId, 'record', { outcome: 'pass', remarks: 'a\u0000b' });
    const badReason = await api.act(caseId, 'withdraw', {}, officer, '放弃\udfff');
    const badKey = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '甲', details: { '\ud800': 1 } },
    });
    const badName = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: { name: '乙\u0000' } });

    expect(surrogate).toMatchObject({ status: 400, body: { message: [`payload.remarks ${ILL_FORMED}`] } });
    expect(nul).toMatchObject({ status: 400, body: { message: [`payload.remarks ${ILL_FORMED}`] } });
    expect(badReason).toMatchObject({ status: 400, body: { message: [`reason ${ILL_FORMED}`] } });
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toEqual([`subject.details["\\ud800"] is a key that ${ILL_FORMED}`]);
    expect(badName).toMatchObject({ status: 400, body: { message: [`subject.name ${ILL_FORMED}`] } });
    expect((await api.step(caseId, 'record', { outcome: 'pass', remarks: '材料齐全' })).status).toBe(200);
  });

  it('refuses NUL in the path and the query (400); URL-encoding cannot carry a lone surrogate', async () => {
    const inPath = await get('/cases/abc%00');
    const inActionPath = await requestJson(`${stack.baseUrl}/cases/abc%00/actions`, {
      body: { action: 'register' },
      headers: await authHeaders(stack.baseUrl, officer),
    });
    const inQuery = await get('/cases?stage=%00');
    // Percent-encoded UTF-8 of a surrogate is invalid UTF-8, which decodes to U+FFFD: well-formed.
    const surrogateInQuery = await get('/cases?stage=%ED%A0%80');

    expect(inPath).toMatchObject({ status: 400, body: { message: [`id ${ILL_FORMED}`] } });
    expect(inActionPath).toMatchObject({ status: 400, body: { message: [`id ${ILL_FORMED}`] } });
    expect(inQuery).toMatchObject({ status: 400, body: { message: [`stage ${ILL_FORMED}`] } });
    expect(surrogateInQuery).toMatchObject({ status: 200, body: { items: [] } });
  });

  it("names the case list's malformed search, deadline, stage-kind and own-cases filters (400)", async () => {
    const noOffset = await get('/cases?dueBefore=2023-03-20T00:00:00');
    const notADate = await get('/cases?dueBefore=next-week');
    const unknownKind = await get('/cases?stageKind=signature');
    const emptyName = await get('/cases?name=');
    const notBoolean = await get('/cases?mine=yes');

    for (const [answer, field] of [
      [noOffset, 'dueBefore'],
      [notADate, 'dueBefore'],
      [unknownKind, 'stageKind'],
      [emptyName, 'name'],
      [notBoolean, 'mine'],
    ] as const) {
      expect(answer.status).toBe(400);
      expect(answer.body.message).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${field} `))]));
      expect((answer.body.message as string[]).every((problem) => problem.startsWith(`${field} `))).toBe(true);
    }
    expect(
      await get('/cases?mine=true&stageKind=approval&name=%E7%8E%8B&dueBefore=2023-03-20T00%3A00%3A00%2B08%3A00'),
    ).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('refuses personal numbers in any free text of an action, however they are written', async () => {
    const caseId = await openCampusTeacher();

    const phoneInPost = await api.act(caseId, 'register', { post: '联系人 １３８／１２３４／５６７８' });
    const idInReason = await api.act(caseId, 'withdraw', {}, officer, '身份证 110105 1949 1231 002X 本人放弃');
    const inName = await api.open({
      kind: 'recruitment',
      channel: 'campus_teacher',
      subject: { name: '王 138-1234-5678' },
    });
    const ticket = await api.act(caseId, 'register', { post: '语文教师 准考证号 20230100123' });

    expect(phoneInPost.status).toBe(400);
    expect(phoneInPost.body.message).toEqual([
      expect.stringMatching(/^payload\.post looks like an identity-card or phone number/),
    ]);
    expect(idInReason.status).toBe(400);
    expect(idInReason.body.message).toEqual([expect.stringMatching(/^reason looks like/)]);
    expect(inName.status).toBe(400);
    expect(ticket.status).toBe(200);
  });

  it.each(['2023-W10-1', null, '2023-06-01', '2023-02-30T10:00:00+08:00'])(
    'refuses occurredAt %p when opening a case or acting (400)',
    async (occurredAt) => {
      const caseId = await openCampusTeacher();
      const opened = await api.open({
        kind: 'recruitment',
        channel: 'campus_teacher',
        subject: { name: '丙' },
        occurredAt,
      });
      const acted = await requestJson(`${stack.baseUrl}/cases/${caseId}/actions`, {
        body: { action: 'register', payload: { post: '语文教师' }, occurredAt },
        headers: await authHeaders(stack.baseUrl, officer),
      });

      expect(opened.status).toBe(400);
      expect(opened.body.message).toEqual([expect.stringMatching(/^occurredAt must be/)]);
      expect(acted.status).toBe(400);
      expect(acted.body.message).toEqual([expect.stringMatching(/^occurredAt must be/)]);
    },
  );

  it.each(['/statistics/annual/2023', '/statistics/annual/2023/facts?metric=recruited&', '/reports/annual/2023'])(
    'refuses a malformed asOf on %s (400)',
    async (path) => {
      for (const asOf of ['2023-W10-1', '2023-123', '2023-02-30', '2023', '2023-06-01T10:00', 'null']) {
        const answer = await get(`${path}${path.includes('?') ? '' : '?'}asOf=${asOf}`);
        expect(answer.status).toBe(400);
        expect(answer.body.message).toEqual([expect.stringMatching(/^asOf must be/)]);
      }
    },
  );

  it('refuses a cursor it did not give out (400)', async () => {
    const cursor = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const forged of [cursor(['1', 'x']), cursor(['2023-01-01T00:00:00.000Z', 'x\u0000']), 'bm90IGpzb24', '%FF']) {
      const answer = await get(`/cases?cursor=${forged}`);
      expect(answer.status).toBe(400);
    }
  });

  it.each(['/statistics/annual/', '/statistics/stage-durations/', '/plans/', '/reports/annual/'])(
    'refuses a year out of range on %s (400)',
    async (path) => {
      for (const year of ['99999999999', '-1', '1e3', '0x7e7']) {
        const { status, body } = await get(`${path}${year}`);
        expect({ year, status, message: body.message }).toEqual({
          year,
          status: 400,
          message: ['year must be a year from 2000 to 2100'],
        });
      }
      const posted = await requestJson(`${stack.baseUrl}/plans/99999999999`, {
        body: { quotas: { high_level_talent: 1, shortage_talent: 1 }, fundCny: 1 },
        headers: await authHeaders(stack.baseUrl, admin),
      });
      expect(posted.status).toBe(400);
    },
  );

  it('refuses subject: null and a body that is not an object (400)', async () => {
    const nullSubject = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: null });
    const arraySubject = await api.open({ kind: 'recruitment', channel: 'campus_teacher', subject: [] });

    expect(nullSubject.status).toBe(400);
    expect(nullSubject.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^subject /)]));
    expect(arraySubject.status).toBe(400);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'refuses the action %p, which is no action but a property every object has (400)',
    async (action) => {
      const caseId = await openCampusTeacher();
      const answer = await api.act(caseId, action, {}, officer, '理由');
      const asApprover = await api.act(caseId, action, {}, approver, '理由');

      expect(answer.status).toBe(400);
      expect(answer.body.message).toEqual([expect.stringMatching(/^action /)]);
      expect(asApprover.status).toBe(400);
    },
  );

  it('refuses a body nested deeper than 32 levels before anything walks it (400), signed in or not', async () => {
    const deep = nestedArrays(40_000);
    const signIn = await postRaw('/auth/sign-in', `{"userId":${deep},"password":"x"}`);
    const open = await postRaw('/cases', `{"kind":"recruitment","subject":{"name":"x","details":${deep}}}`, officer);
    const justDeepEnough = await postRaw(
      '/cases',
      `{"kind":"recruitment","channel":"campus_teacher","subject":{"name":"x","details":${nestedObjects(29)}}}`,
      officer,
    );

    expect(signIn).toMatchObject({ status: 400, body: { message: [expect.stringMatching(/nested deeper than 32/)] } });
    expect(open).toMatchObject({ status: 400, body: { message: [expect.stringMatching(/nested deeper than 32/)] } });
    // Within the limit the usual validation answers: details hold flat values only.
    expect(justDeepEnough.status).toBe(400);
    expect(justDeepEnough.body.message).toEqual([expect.stringMatching(/^subject\.details\.a must be/)]);
  });
});
