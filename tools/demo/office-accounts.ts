import { randomBytes } from 'node:crypto';

export interface Account {
  id: string;
  role: string;
}

/** A password that passes the policy, new for every account a scripted run sets up. */
export const newPassword = () => `pw-${randomBytes(12).toString('base64url')}`;

const ALL_CASE_KINDS = ['recruitment', 'expert_workstation', 'returning_talent'];

/** A POST as the scripts make it: the answer's status, its JSON and its text for error messages. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown>, text };
}

/**
 * The accounts a scripted run acts as, set up through the api by an admin the way an office
 * would: officers get a fresh password and sign in, API clients get a key. Credentials are made
 * once per account and reused.
 */
export class OfficeAccounts {
  private readonly headers = new Map<string, Promise<Record<string, string>>>();

  constructor(
    private readonly baseUrl: string,
    private readonly admin: { id: string; password: string },
  ) {}

  /** Headers that make a request come from `account`. */
  headersFor(account: Account): Promise<Record<string, string>> {
    let headers = this.headers.get(account.id);
    if (!headers) {
      headers = this.provision(account);
      this.headers.set(account.id, headers);
      headers.catch(() => this.headers.delete(account.id));
    }
    return headers;
  }

  /** Drops the credentials of `accountId`, e.g. after its role changed, which revoked its token. */
  forget(accountId: string): void {
    this.headers.delete(accountId);
  }

  private async provision(account: Account): Promise<Record<string, string>> {
    if (account.id === this.admin.id) return this.signIn(this.admin.id, this.admin.password);
    const asAdmin = await this.headersFor({ id: this.admin.id, role: 'admin' });
    if (account.role === 'api_client') {
      const created = await post(
        `${this.baseUrl}/api-clients`,
        { id: account.id, displayName: account.id, caseKinds: ALL_CASE_KINDS },
        asAdmin,
      );
      if (created.status !== 201 && created.status !== 409) throw new Error(`creating ${account.id}: ${created.text}`);
      const key = await post(`${this.baseUrl}/api-clients/${account.id}/keys`, { name: 'scripted run' }, asAdmin);
      if (key.status !== 201) throw new Error(`issuing a key to ${account.id}: ${key.text}`);
      return { 'x-api-key': String(key.body.key) };
    }
    const password = newPassword();
    const created = await post(
      `${this.baseUrl}/users`,
      { id: account.id, displayName: account.id, role: account.role, password },
      asAdmin,
    );
    // An account left by an earlier run keeps its id; a new password makes it usable again.
    if (created.status === 409) {
      const reset = await post(`${this.baseUrl}/users/${account.id}/password`, { password }, asAdmin);
      if (reset.status !== 204) throw new Error(`resetting ${account.id}: ${reset.text}`);
    } else if (created.status !== 201) {
      throw new Error(`creating ${account.id}: ${created.text}`);
    }
    return this.signIn(account.id, password);
  }

  private async signIn(userId: string, password: string): Promise<Record<string, string>> {
    const response = await post(`${this.baseUrl}/auth/sign-in`, { userId, password });
    if (response.status !== 200) throw new Error(`sign-in of ${userId}: ${response.text}`);
    const bearer = { authorization: `Bearer ${String(response.body.accessToken)}` };
    if (response.body.passwordChangeRequired !== true) return bearer;
    // A password an admin chose (a new account's, or in a reset) is good for choosing one's own only, as the user would.
    const own = newPassword();
    const changed = await post(
      `${this.baseUrl}/auth/password`,
      { currentPassword: password, newPassword: own },
      bearer,
    );
    if (changed.status !== 204) throw new Error(`changing the password of ${userId}: ${changed.text}`);
    return this.signIn(userId, own);
  }
}
