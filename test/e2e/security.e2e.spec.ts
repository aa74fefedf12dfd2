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

  it('signs an officer in with a short-lived token, and ends it when the account is disabled', async () => {
    const password = await createOfficer('officer-sun');
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
    const password = await createOfficer('officer-he');
    const first = await signIn('officer-he', password);
    const bearer = { authorization: `Bearer ${first.body.accessToken}` };
    const newOne = newPassword();

    const weak = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: password, newPassword: 'short' },
      headers: bearer,
    });
    const changed = await requestJson(`${stack.baseUrl}/auth/password`, {
      body: { currentPassword: password, newPassword: newOne },
      headers: bearer,
    });

    expect(weak).toMatchObject({ status: 400, body: { message: 'password must be at least 12 characters' } });
    expect(changed.status).toBe(204);
    expect((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status).toBe(401);
    expect((await signIn('officer-he', newOne)).status).toBe(200);
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

    const events = await stack.api.get(PostgresEventStore).readStream(toPrincipalStreamId('leader-ma'));
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
  });

  it('limits each credential’s requests per minute (429), without slowing anyone else', async () => {
    const bearer = await authHeaders(stack.baseUrl, { id: 'officer-busy', role: 'hr_officer' });
    const statuses: number[] = [];
    for (let request = 0; request < 62; request += 1) {
      statuses.push((await requestJson(`${stack.baseUrl}/auth/me`, { headers: bearer })).status);
    }

    expect(statuses.filter((status) => status === 200)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual([429, 429]);
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
    const listed = await requestJson(`${stack.baseUrl}/api-clients/hr-system`, { headers: asAdmin });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.key.split('_')[2]);
    expect(listed.body.keys).toEqual([
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
