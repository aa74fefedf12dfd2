import { toPrincipalStreamId } from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import { admin, officer, requestJson } from '@talent/api-client';
import { authHeaders, newPassword } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('sign-in, sessions, API keys and the api’s defences', () => {
  let stack: TestStack;
  let asAdmin: Record<string, string>;
  const signIn = (userId: string, password: string) =>
    requestJson(`${stack.baseUrl}/auth/sign-in`, { body: { userId, password } });

  beforeAll(async () => {
    stack = await startTestStack('security', {
      SIGN_IN_ATTEMPTS_PER_15_MINUTES: '5',
      API_RATE_LIMIT_PER_MINUTE: '60',
      REQUEST_BODY_LIMIT_KB: '8',
    });
    asAdmin = await authHeaders(stack.baseUrl, admin);
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function createOfficer(id: string, role = 'hr_officer') {
    const password = newPassword();
    const created = await requestJson(`${stack.baseUrl}/users`, {
      body: { id, displayName: id, role, password },
      headers: asAdmin,
    });
    expect(created.status).toBe(201);
    return password;
  }

  /** An officer who has replaced the password the admin chose, as every new officer must: two password checks. */
  async function officerWithOwnPassword(id: string, role = 'hr_officer') {
    const first = await createOfficer(id, role);
    const restricted = await signIn(id, first);
    const own = newPassword();
    const changed = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: first, newPassword: own },
      headers: { authorization: `Bearer ${restricted.body.accessToken}` },
    });
    expect(changed.status).toBe(204);
    return own;
  }

  const principalEvents = async (id: string) =>
    (await stack.api.get(PostgresEventStore).readStream(toPrincipalStreamId(id))).map(({ type, data }) => ({
      type,
      data,
    }));

  it('signs an officer in with a short-lived token, and ends it when the account is disabled', async () => {
    const password = await officerWithOwnPassword('officer-sun');
    const session = await signIn('officer-sun', password);
    const bearer = { authorization: `Bearer ${session.body.accessToken}` };

    expect(session.status).toBe(200);
    expect(Date.parse(session.body.expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).body).toMatchObject({
      id: 'officer-sun',
      role: 'hr_officer',
    });
    // No hash and no password field; whether a change is due (passwordChangeRequired) may show.
    expect(
      JSON.stringify((await requestJson(`${stack.baseUrl}/users/officer-sun`, { headers: asAdmin })).body),
    ).not.toMatch(/argon2|"password(_?hash)?"/i);

    const disabled = await requestJson(`${stack.baseUrl}/users/officer-sun`, {
      method: 'PATCH',
      body: { disabled: true, reason: '调离' },
      headers: asAdmin,
    });
    expect(disabled.body).toMatchObject({ disabled: true });
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status).toBe(401);
    expect((await signIn('officer-sun', password)).status).toBe(401);
  });

  it('refuses a wrong password and an unknown user with one message, and throttles guessing (429)', async () => {
    const password = await createOfficer('officer-zhu');
    const wrong = await signIn('officer-zhu', 'not the password at all');
    const unknown = await signIn('nobody-here', 'not the password at all');

    expect(wrong).toMatchObject({ status: 401 });
    expect(unknown.body.message).toBe(wrong.body.message);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await signIn('officer-zhu', `guess-${attempt}`)).status);
    // Five attempts per account per 15 minutes here; the first wrong one above counted too.
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    // Even the right password waits out the window: the throttle does not tell guesses from the owner.
    expect((await signIn('officer-zhu', password)).status).toBe(429);
  });

  it('lets an officer change their own password, which ends their other sessions', async () => {
    // Five password checks per account in this stack: two choosing the first own password, three below.
    const password = await officerWithOwnPassword('officer-he');
    const first = await signIn('officer-he', password);
    const bearer = { authorization: `Bearer ${first.body.accessToken}` };
    const newOne = newPassword();

    const changed = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: password, newPassword: newOne },
      headers: bearer,
    });

    expect(changed.status).toBe(204);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status).toBe(401);
    expect((await signIn('officer-he', newOne)).status).toBe(200);
  });

  it('makes an officer an admin created change the first password before anything else', async () => {
    const first = await createOfficer('auditor-qian', 'auditor');
    const account = await requestJson(`${stack.baseUrl}/users/auditor-qian`, { headers: asAdmin });
    expect(account.body).toMatchObject({ passwordChangeRequired: true, lastSignInAt: null });

    // Five password checks per account in this stack: each attempt below is one.
    const restricted = await signIn('auditor-qian', first);
    expect(restricted).toMatchObject({
      status: 200,
      body: { passwordChangeRequired: true, user: { id: 'auditor-qian', passwordChangeRequired: true } },
    });
    const bearer = { authorization: `Bearer ${restricted.body.accessToken}` };
    for (const path of ['/auth/me', '/audit/refusals', '/audit/signing-key']) {
      const refused = await requestJson(`${stack.baseUrl}${path}`, { headers: bearer });
      expect({ path, status: refused.status, error: refused.body.error }).toEqual({
        path,
        status: 403,
        error: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    const weak = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: first, newPassword: 'short' },
      headers: bearer,
    });
    expect(weak).toMatchObject({ status: 400, body: { message: 'password must be at least 12 characters' } });

    const own = newPassword();
    const changed = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: first, newPassword: own },
      headers: bearer,
    });
    expect(changed.status).toBe(204);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status).toBe(401);
    // The admin who chose the first password cannot sign in as the auditor with it any more.
    expect((await signIn('auditor-qian', first)).status).toBe(401);
    const session = await signIn('auditor-qian', own);
    expect(session).toMatchObject({ status: 200, body: { passwordChangeRequired: false } });
    const refusals = await requestJson(`${stack.baseUrl}/audit/refusals`, {
      headers: { authorization: `Bearer ${session.body.accessToken}` },
    });
    expect(refusals.status).toBe(200);

    expect(await principalEvents('auditor-qian')).toEqual([
      {
        type: 'PrincipalCreated',
        data: {
          kind: 'officer',
          displayName: 'auditor-qian',
          role: 'auditor',
          caseKinds: null,
          passwordChangeRequired: true,
        },
      },
      { type: 'PasswordChanged', data: { by: 'self', changeRequired: false } },
    ]);
  });

  it('makes an officer whose password an admin reset change it before anything else', async () => {
    await createOfficer('leader-ma', 'approver');
    const resetPassword = newPassword();
    const reset = await requestJson(`${stack.baseUrl}/users/leader-ma/password`, {
      body: { password: resetPassword },
      headers: asAdmin,
    });
    expect(reset.status).toBe(204);

    // Five password checks per account in this stack: each attempt below is one.
    const restricted = await signIn('leader-ma', resetPassword);
    expect(restricted).toMatchObject({
      status: 200,
      body: { passwordChangeRequired: true, user: { id: 'leader-ma', passwordChangeRequired: true } },
    });
    const bearer = { authorization: `Bearer ${restricted.body.accessToken}` };
    for (const path of ['/auth/me', '/cases', '/audit/signing-key']) {
      const refused = await requestJson(`${stack.baseUrl}${path}`, { headers: bearer });
      expect({ path, status: refused.status, error: refused.body.error }).toEqual({
        path,
        status: 403,
        error: 'PASSWORD_CHANGE_REQUIRED',
      });
      expect(refused.body.message).toMatch(/must be changed before anything else: POST \/auth\/password/);
    }
    const same = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: resetPassword, newPassword: resetPassword },
      headers: bearer,
    });
    expect(same).toMatchObject({ status: 400, body: { message: 'newPassword must differ from the current password' } });

    const own = newPassword();
    const changed = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: resetPassword, newPassword: own },
      headers: bearer,
    });
    expect(changed.status).toBe(204);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status).toBe(401);
    // The admin who chose the reset password cannot use it any more.
    expect((await signIn('leader-ma', resetPassword)).status).toBe(401);
    const session = await signIn('leader-ma', own);
    expect(session).toMatchObject({ status: 200, body: { passwordChangeRequired: false } });
    const cases = await requestJson(`${stack.baseUrl}/cases`, {
      headers: { authorization: `Bearer ${session.body.accessToken}` },
    });
    expect(cases.status).toBe(200);

    const events = await principalEvents('leader-ma');
    expect(events.filter((event) => event.type === 'PasswordChanged').map((event) => event.data)).toEqual([
      { by: 'admin', changeRequired: true },
      { by: 'self', changeRequired: false },
    ]);
    const verified = await requestJson(`${stack.baseUrl}/audit/verify`, {
      headers: await authHeaders(stack.baseUrl, { id: 'auditor-sec', role: 'auditor' }),
    });
    expect(verified.body).toMatchObject({ valid: true });
  });

  it('never makes the bootstrap admin change a password', async () => {
    const session = await requestJson(`${stack.baseUrl}/auth/me`, { headers: asAdmin });
    expect(session).toMatchObject({ status: 200, body: { id: admin.id, passwordChangeRequired: false } });
    expect((await principalEvents(admin.id))[0]).toMatchObject({
      type: 'PrincipalCreated',
      data: { role: 'admin', passwordChangeRequired: false },
    });
  });

  it('limits each credential’s requests per minute (429), without slowing anyone else', async () => {
    const bearer = await authHeaders(stack.baseUrl, { id: 'officer-busy', role: 'hr_officer' });
    const statuses: number[] = [];
    for (let request = 0; request < 61; request += 1) {
      statuses.push((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status);
    }

    // Sixty a minute here, and the first was choosing a password of their own (POST /auth/password).
    expect(statuses.filter((status) => status === 200)).toHaveLength(59);
    expect(statuses.slice(59)).toEqual([429, 429]);
    const refused = await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: asAdmin })).status).toBe(200);
  });

  it('keeps one active admin', async () => {
    const demoted = await requestJson(`${stack.baseUrl}/users/${admin.id}`, {
      method: 'PATCH',
      body: { role: 'auditor' },
      headers: asAdmin,
    });
    expect(demoted).toMatchObject({ status: 409, body: { error: 'LAST_ADMIN' } });
  });

  it('lists users, API clients and keys a page at a time, refusing a malformed limit or cursor (400)', async () => {
    // An admin of its own, so that paging stays within one caller's requests per minute here.
    const lister = await authHeaders(stack.baseUrl, { id: 'admin-lists', role: 'admin' });
    const get = (path: string) => requestJson(`${stack.baseUrl}${path}`, { headers: lister });
    const post = (path: string, body: unknown) => requestJson(`${stack.baseUrl}${path}`, { body, headers: lister });
    for (const id of ['list-1', 'list-2', 'list-3']) {
      expect((await post('/users', { id, displayName: id, role: 'approver', password: newPassword() })).status).toBe(
        201,
      );
    }
    for (const id of ['list-client-a', 'list-client-b', 'list-client-c']) {
      expect((await post('/api-clients', { id, displayName: id, caseKinds: ['recruitment'] })).status).toBe(201);
    }
    const keyIds: string[] = [];
    for (const name of ['one', 'two', 'three'])
      keyIds.push((await post('/api-clients/list-client-a/keys', { name })).body.keyId);

    /** Every page of `path`, `limit` at a time, following nextCursor. */
    async function pages(path: string, limit: number) {
      const answers: Array<{ items: Array<Record<string, unknown>>; nextCursor: string | null }> = [];
      let cursor: string | null = null;
      do {
        const response = await get(`${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        answers.push(response.body);
        cursor = response.body.nextCursor;
      } while (cursor && answers.length < 20);
      return answers;
    }
    const idsOf = (answers: Awaited<ReturnType<typeof pages>>) =>
      answers.flatMap((answer) => answer.items.map((item) => item.id ?? item.keyId));

    const users = await pages('/users', 2);
    const [everyUser] = await pages('/users', 1000);
    expect(users.length).toBeGreaterThanOrEqual(3);
    for (const answer of users.slice(0, -1)) expect(answer.items).toHaveLength(2);
    expect(users.at(-1)!.nextCursor).toBeNull();
    expect(idsOf(users)).toEqual(idsOf([everyUser!]));
    expect(new Set(idsOf(users)).size).toBe(idsOf(users).length);
    expect(idsOf(users)).toEqual(expect.arrayContaining([admin.id, 'admin-lists', 'list-1', 'list-2', 'list-3']));
    expect(everyUser!.items.every((user) => user.kind === 'officer')).toBe(true);

    const clients = await pages('/api-clients', 2);
    expect(clients.length).toBeGreaterThanOrEqual(2);
    expect(idsOf(clients)).toEqual(idsOf(await pages('/api-clients', 1000)));
    expect(idsOf(clients)).toEqual(expect.arrayContaining(['list-client-a', 'list-client-b', 'list-client-c']));
    expect(clients.flatMap((answer) => answer.items).every((client) => client.kind === 'api_client')).toBe(true);

    const keys = await pages('/api-clients/list-client-a/keys', 2);
    expect(keys.map((answer) => answer.items.length)).toEqual([2, 1]);
    expect(idsOf(keys)).toEqual([...keyIds].sort());
    expect(keys.flatMap((answer) => answer.items).some((key) => 'key' in key)).toBe(false);

    const forged = Buffer.from(JSON.stringify(['../admin-1'])).toString('base64url');
    for (const [path, query, named] of [
      ['/users', 'cursor=not-a-cursor', /^cursor /],
      ['/users', `cursor=${forged}`, /^cursor /],
      ['/users', 'limit=0', /^limit /],
      ['/users', 'limit=1001', /^limit /],
      ['/users', 'limit=many', /^limit /],
      ['/api-clients', 'cursor=not-a-cursor', /^cursor /],
      ['/api-clients', 'limit=1.5', /^limit /],
      // A cursor of the users' list names no key.
      ['/api-clients/list-client-a/keys', `cursor=${users[0]!.nextCursor}`, /^cursor /],
    ] as const) {
      const refused = await get(`${path}?${query}`);
      expect({ path, query, status: refused.status }).toEqual({ path, query, status: 400 });
      expect(refused.body.message).toEqual(expect.arrayContaining([expect.stringMatching(named)]));
    }
  });

  it('issues an API key once, stores only its hash, records its use, and stops it when revoked', async () => {
    const created = await requestJson(`${stack.baseUrl}/api-clients`, {
      body: { id: 'hr-system', displayName: '人社业务系统', caseKinds: ['recruitment'] },
      headers: asAdmin,
    });
    const issued = await requestJson(`${stack.baseUrl}/api-clients/hr-system/keys`, {
      body: { name: 'production' },
      headers: asAdmin,
    });
    const key = { 'x-api-key': issued.body.key as string };
    expect(created.status).toBe(201);
    expect(issued.body.key).toMatch(/^tke_[0-9a-f]{16}_/);

    const opened = await requestJson(`${stack.baseUrl}/cases`, {
      body: { kind: 'recruitment', channel: 'civil_servant', subject: { name: '接口' } },
      headers: key,
    });
    const otherKind = await requestJson(`${stack.baseUrl}/cases`, {
      body: { kind: 'returning_talent', subject: { name: '接口' } },
      headers: key,
    });
    const officersCase = await stack.client.open({ kind: 'returning_talent', subject: { name: '归雁' } });
    const readOther = await requestJson(`${stack.baseUrl}/cases/${officersCase.body.caseId}`, { headers: key });
    const listOther = await requestJson(`${stack.baseUrl}/cases?kind=returning_talent`, { headers: key });
    const act = await requestJson(`${stack.baseUrl}/cases/${opened.body.caseId}/actions`, {
      body: { action: 'register', payload: { post: '科员' } },
      headers: key,
    });

    expect(opened.status).toBe(201);
    expect(otherKind).toMatchObject({ status: 403, body: { error: 'CASE_KIND_NOT_GRANTED' } });
    expect(readOther).toMatchObject({ status: 403, body: { error: 'CASE_KIND_NOT_GRANTED' } });
    expect(listOther.status).toBe(403);
    expect(act).toMatchObject({ status: 403, body: { error: 'ROLE_NOT_ALLOWED' } });
    const listed = await requestJson(`${stack.baseUrl}/api-clients/hr-system/keys`, { headers: asAdmin });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key.split('_')[2]);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        keyId: issued.body.keyId,
        name: 'production',
        revokedAt: null,
        lastUsedAt: expect.any(String),
      }),
    ]);

    const revoked = await requestJson(`${stack.baseUrl}/api-clients/hr-system/keys/${issued.body.keyId}`, {
      method: 'DELETE',
      headers: asAdmin,
    });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect((await requestJson(`${stack.baseUrl}/cases`, { headers: key })).status).toBe(401);
  });

  it('caps request bodies (413), answers malformed JSON with 400, and never shows a stack trace or SQL', async () => {
    const headers = { ...(await authHeaders(stack.baseUrl, officer)), 'content-type': 'application/json' };
    const tooLarge = await fetch(`${stack.baseUrl}/cases`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'recruitment', subject: { name: 'x'.repeat(10_000) } }),
    });
    const malformed = await fetch(`${stack.baseUrl}/cases`, { method: 'POST', headers, body: '{"kind": ' });
    const bodies = [await tooLarge.text(), await malformed.text()];

    expect([tooLarge.status, malformed.status]).toEqual([413, 400]);
    for (const body of bodies) {
      expect(JSON.parse(body)).toEqual(expect.objectContaining({ statusCode: expect.any(Number) }));
      expect(body).not.toMatch(/ at |node_modules|\.ts:|SELECT|INSERT/);
    }
  });

  it('sends secure headers', async () => {
    const response = await fetch(`${stack.baseUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
