/** A login the global set-up created on the server, for every spec database of the run. */
export interface TestLogin {
  role: string;
  password: string;
}

export interface TestServices {
  /** URL of the server's maintenance database; each spec file creates its own database from it. */
  adminUrl: string;
  /** Owns each spec database and runs its migrations (DATABASE_OWNER_URL). */
  owner: TestLogin;
  /** What the api and the worker log in as (DATABASE_URL): append and read, never rewrite. */
  app: TestLogin;
  temporalAddress: string;
  namespace: string;
  stop(): Promise<void>;
}

/** How the global set-up hands its services to the spec processes. */
export const TEST_SERVICES_ENV = {
  adminUrl: 'TALENT_TEST_PG_ADMIN_URL',
  ownerLogin: 'TALENT_TEST_PG_OWNER_LOGIN',
  appLogin: 'TALENT_TEST_PG_APP_LOGIN',
  temporalAddress: 'TALENT_TEST_TEMPORAL_ADDRESS',
  namespace: 'TALENT_TEST_TEMPORAL_NAMESPACE',
} as const;

const parseLogin = (value: string | undefined): TestLogin | undefined =>
  value ? (JSON.parse(value) as TestLogin) : undefined;

export function testServicesFromEnv(): Omit<TestServices, 'stop'> {
  const adminUrl = process.env[TEST_SERVICES_ENV.adminUrl];
  const owner = parseLogin(process.env[TEST_SERVICES_ENV.ownerLogin]);
  const app = parseLogin(process.env[TEST_SERVICES_ENV.appLogin]);
  const temporalAddress = process.env[TEST_SERVICES_ENV.temporalAddress];
  const namespace = process.env[TEST_SERVICES_ENV.namespace];
  if (!adminUrl || !owner || !app || !temporalAddress || !namespace) {
    throw new Error('Test services are not running: run int and e2e specs through Jest (npm test).');
  }
  return { adminUrl, owner, app, temporalAddress, namespace };
}
