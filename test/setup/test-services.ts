export interface TestServices {
  /** URL of the server's maintenance database; each spec file creates its own database from it. */
  adminUrl: string;
  temporalAddress: string;
  namespace: string;
  stop(): Promise<void>;
}

/** How the global set-up hands its services to the spec processes. */
export const TEST_SERVICES_ENV = {
  adminUrl: 'TALENT_TEST_PG_ADMIN_URL',
  temporalAddress: 'TALENT_TEST_TEMPORAL_ADDRESS',
  namespace: 'TALENT_TEST_TEMPORAL_NAMESPACE',
} as const;

export function testServicesFromEnv(): Omit<TestServices, 'stop'> {
  const adminUrl = process.env[TEST_SERVICES_ENV.adminUrl];
  const temporalAddress = process.env[TEST_SERVICES_ENV.temporalAddress];
  const namespace = process.env[TEST_SERVICES_ENV.namespace];
  if (!adminUrl || !temporalAddress || !namespace) {
    throw new Error('Test services are not running: run int and e2e specs through Jest (npm test).');
  }
  return { adminUrl, temporalAddress, namespace };
}
