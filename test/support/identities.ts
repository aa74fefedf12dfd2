import type { Actor } from '@talent/domain';
import { newPassword, OfficeAccounts } from '../../tools/demo/office-accounts';

const accounts = new Map<string, OfficeAccounts>();

export { newPassword };

/** The first admin of the api at `baseUrl`, created by the test stack as the bootstrap command would. */
export function registerAdmin(baseUrl: string, admin: { id: string; password: string }): void {
  accounts.set(baseUrl, new OfficeAccounts(baseUrl, admin));
}

/**
 * Headers that make a request come from `actor`: the user is created by the stack's admin and
 * signed in on first use, an API client gets a key. Real credentials, as a client would hold them.
 */
export function forgetCredentials(baseUrl: string, accountId: string): void {
  accounts.get(baseUrl)?.forget(accountId);
}

export function authHeaders(baseUrl: string, actor: Actor): Promise<Record<string, string>> {
  const office = accounts.get(baseUrl);
  if (!office) throw new Error(`No admin registered for ${baseUrl}; start it with startTestStack`);
  return office.headersFor(actor);
}
