import { ROLES, type Role } from '@talent/domain';
import { requestJson } from '@talent/api-client';
import { authHeaders, newPassword } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

const OFFICE = ['hr_officer', 'approver', 'auditor', 'admin'] as const;

/**
 * Who may call what: the access policy, endpoint by endpoint. Every endpoint of the OpenAPI
 * document must be listed, so a new endpoint fails this spec until someone decides who may use it.
 * An officer whose password an admin set may use only this one until they have changed it.
 */
const OPEN_DURING_PASSWORD_CHANGE = 'POST /auth/password';

const POLICY: Record<string, readonly Role[] | 'public'> = {
  'GET /health': 'public',
  'POST /auth/sign-in': 'public',
  'GET /auth/me': ROLES,
  'POST /auth/password': OFFICE,
  'POST /diagnostics/round-trip': ['admin'],
  'POST /users': ['admin'],
  'GET /users': ['admin'],
  'GET /users/{id}': ['admin'],
  'PATCH /users/{id}': ['admin'],
  'POST /users/{id}/password': ['admin'],
  'POST /api-clients': ['admin'],
  'GET /api-clients': ['admin'],
  'GET /api-clients/{id}': ['admin'],
  'GET /api-clients/{id}/keys': ['admin'],
  'PATCH /api-clients/{id}': ['admin'],
  'POST /api-clients/{id}/keys': ['admin'],
  'DELETE /api-clients/{id}/keys/{keyId}': ['admin'],
  'GET /pipelines': ROLES,
  'GET /pipelines/{id}/versions/{version}': ROLES,
  'POST /cases': ['hr_officer', 'api_client'],
  'GET /cases': ['hr_officer', 'approver', 'auditor', 'api_client'],
  'GET /cases/{id}': ['hr_officer', 'approver', 'auditor', 'api_client'],
  'POST /cases/{id}/actions': ['hr_officer', 'approver'],
  'GET /cases/{id}/history': ['hr_officer', 'approver', 'auditor'],
  'GET /cases/{id}/history/verify': ['hr_officer', 'approver', 'auditor'],
  'GET /cases/{id}/history/export': ['auditor'],
  'GET /audit/verify': ['auditor'],
  'GET /audit/refusals': ['auditor'],
  'GET /audit/signing-key': ROLES,
  'GET /ledger/public-key': 'public',
  'POST /ledger/tree-heads': ['auditor'],
  'GET /ledger/tree-heads/latest': ['auditor'],
  'GET /ledger/tree-heads': ['auditor'],
  'GET /ledger/proofs/inclusion': ['auditor'],
  'GET /ledger/proofs/consistency': ['auditor'],
  'GET /ledger/export': ['auditor'],
  'GET /plans/{year}': OFFICE,
  'POST /plans/{year}': ['admin'],
  'GET /statistics/annual/{year}': OFFICE,
  'GET /statistics/annual/{year}/facts': OFFICE,
  'GET /statistics/stage-durations/{year}': OFFICE,
  'GET /reports/annual/{year}': OFFICE,
  'GET /reports/annual/{year}/evidence': ['auditor'],
  'POST /rounds': ['hr_officer'],
  'GET /rounds': ['hr_officer', 'approver', 'auditor'],
  'GET /rounds/{id}': ['hr_officer', 'approver', 'auditor'],
  'GET /rounds/{id}/applicants': ['hr_officer', 'approver', 'auditor'],
  'POST /rounds/{id}/applicants': ['hr_officer'],
  'POST /rounds/{id}/imports/applicants': ['hr_officer'],
  'POST /rounds/{id}/imports/scores': ['hr_officer'],
  'POST /rounds/{id}/actions': ['hr_officer', 'approver'],
  'POST /rounds/{id}/results': ['hr_officer'],
  'GET /rounds/{id}/exports/notice.txt': ['hr_officer', 'approver', 'auditor'],
  'GET /rounds/{id}/exports/{list}.xlsx': ['hr_officer', 'approver', 'auditor'],
};

describe('the role matrix: every endpoint, called with every role, allows or refuses (403) as the policy says', () => {
  let stack: TestStack;
  let endpoints: string[];
  let caseId: string;
  let restricted: Record<string, string>;

  beforeAll(async () => {
    stack = await startTestStack('roles');
    restricted = await sessionAfterAdminReset('matrix-reset');
    const opened = await stack.client.open({
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '矩阵' },
    });
    caseId = opened.body.caseId as string;
    const document = await requestJson(`${stack.baseUrl}/docs/openapi.json`);
    endpoints = Object.entries(document.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
    );
  });

  /** A session of an officer whose password an admin has just set. */
  async function sessionAfterAdminReset(id: string): Promise<Record<string, string>> {
    const asAdmin = await authHeaders(stack.baseUrl, { id: 'admin-1', role: 'admin' });
    const created = await requestJson(`${stack.baseUrl}/users`, {
      body: { id, displayName: id, role: 'hr_officer', password: newPassword() },
      headers: asAdmin,
    });
    const password = newPassword();
    const reset = await requestJson(`${stack.baseUrl}/users/${id}/password`, { body: { password }, headers: asAdmin });
    const session = await requestJson(`${stack.baseUrl}/auth/sign-in`, { body: { userId: id, password } });
    expect([created.status, reset.status, session.body.passwordChangeRequired]).toEqual([201, 204, true]);
    return { authorization: `Bearer ${session.body.accessToken}` };
  }

  afterAll(async () => {
    await stack?.close();
  });

  it('has a decision for every endpoint the api serves, and no decision for one it does not', () => {
    expect([...endpoints].sort()).toEqual(Object.keys(POLICY).sort());
  });

  it('shows every role the pipeline definitions, and 404 for one that does not exist', async () => {
    const headers = await authHeaders(stack.baseUrl, { id: 'matrix-client', role: 'api_client' });
    const list = await requestJson(`${stack.baseUrl}/pipelines`, { headers });
    const missing = await requestJson(`${stack.baseUrl}/pipelines/recruitment.civil_servant/versions/99`, { headers });

    expect(list.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'recruitment.civil_servant', kind: 'recruitment' })]),
    );
    expect(missing.status).toBe(404);
  });

  const call = async (endpoint: string, headers: Record<string, string>) => {
    const [method, route] = endpoint.split(' ') as [string, string];
    const url = route
      .replace('/cases/{id}', `/cases/${caseId}`)
      .replace('/users/{id}', '/users/officer-wang')
      .replace('/api-clients/{id}', '/api-clients/matrix-client')
      .replace('{keyId}', '0000000000000000')
      .replace('{year}', '2023')
      .replace('/rounds/{id}', '/rounds/matrix-round')
      .replace('{list}', 'interview')
      .replace('/pipelines/{id}/versions/{version}', '/pipelines/recruitment.civil_servant/versions/1');
    // An empty body: enough to pass or fail the access check, which comes before validation.
    return requestJson(`${stack.baseUrl}${url}`, {
      method,
      ...(method !== 'GET' && method !== 'DELETE' && { body: {} }),
      headers,
    });
  };

  it.each(Object.entries(POLICY))('%s', async (endpoint, allowed) => {
    const anonymous = await call(endpoint, {});
    if (allowed === 'public') {
      expect(anonymous.status).not.toBe(401);
      return;
    }
    expect(anonymous.status).toBe(401);
    const duringChange = await call(endpoint, restricted);
    if (endpoint === OPEN_DURING_PASSWORD_CHANGE) {
      expect(duringChange.status).toBe(400);
    } else {
      expect({ status: duringChange.status, error: duringChange.body?.error }).toEqual({
        status: 403,
        error: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    for (const role of ROLES) {
      const id = role === 'api_client' ? 'matrix-client' : role === 'admin' ? 'admin-1' : `matrix-${role}`;
      const response = await call(endpoint, await authHeaders(stack.baseUrl, { id, role }));
      if (allowed.includes(role)) {
        // Allowed: whatever the empty request then earns (200, 400, 404…), never a refusal or a crash.
        const refused = response.status === 401 || response.status === 403 || response.status >= 500;
        expect({ role, status: response.status, refused }).toEqual({ role, status: response.status, refused: false });
      } else {
        expect({ role, status: response.status, error: response.body?.error }).toEqual({
          role,
          status: 403,
          error: 'ROLE_NOT_ALLOWED',
        });
      }
    }
  });
});
