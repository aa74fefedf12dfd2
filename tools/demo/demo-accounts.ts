import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { newPassword, post } from './office-accounts';

/** A person who signs in to the demo's console. */
export interface DemoPerson {
  id: string;
  displayName: string;
  role: 'hr_officer' | 'approver' | 'auditor';
  password: string;
}

/** What the demo keeps in its data directory, so a second `npm run demo` signs in as the first did. */
export interface DemoAccounts {
  admin: { id: string; password: string };
  people: DemoPerson[];
  /** The county's 2023 has been replayed into this data directory (it can be replayed only once). */
  replayed: boolean;
}

const PEOPLE: Omit<DemoPerson, 'password'>[] = [
  { id: 'demo-officer', displayName: '王经办', role: 'hr_officer' },
  { id: 'demo-approver', displayName: '赵科长', role: 'approver' },
  { id: 'demo-auditor', displayName: '钱审计', role: 'auditor' },
];

export const newDemoAccounts = (): DemoAccounts => ({
  admin: { id: 'demo-admin', password: newPassword() },
  people: PEOPLE.map((person) => ({ ...person, password: newPassword() })),
  replayed: false,
});

export const readDemoAccounts = (file: string): DemoAccounts | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccounts) : undefined;

/** Readable by this user only: the file holds passwords, if only a throw-away demo's. */
export const saveDemoAccounts = (file: string, accounts: DemoAccounts): void =>
  writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });

async function bearer(apiUrl: string, userId: string, password: string) {
  const signedIn = await post(`${apiUrl}/auth/sign-in`, { userId, password });
  if (signedIn.status !== 200) throw new Error(`sign-in of ${userId}: ${signedIn.text}`);
  return { authorization: `Bearer ${String(signedIn.body.accessToken)}` };
}

/**
 * The people of the demo, created by its admin as an office would create them (or given a new
 * first password if an earlier run created them). Each then chooses the password the demo prints,
 * as anyone does at first sign-in, so the console opens straight away.
 */
export async function createDemoPeople(apiUrl: string, accounts: DemoAccounts): Promise<void> {
  const asAdmin = await bearer(apiUrl, accounts.admin.id, accounts.admin.password);
  for (const person of accounts.people) {
    const first = newPassword();
    const created = await post(
      `${apiUrl}/users`,
      { id: person.id, displayName: person.displayName, role: person.role, password: first },
      asAdmin,
    );
    if (created.status === 409) {
      const reset = await post(`${apiUrl}/users/${person.id}/password`, { password: first }, asAdmin);
      if (reset.status !== 204) throw new Error(`resetting ${person.id}: ${reset.text}`);
    } else if (created.status !== 201) {
      throw new Error(`creating ${person.id}: ${created.text}`);
    }
    const changed = await post(
      `${apiUrl}/auth/password`,
      { currentPassword: first, newPassword: person.password },
      await bearer(apiUrl, person.id, first),
    );
    if (changed.status !== 204) throw new Error(`choosing the password of ${person.id}: ${changed.text}`);
  }
}
