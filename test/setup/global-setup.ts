import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, startEmbeddedPostgres, startTemporalDevServer } from '@talent/local-stack';
import { TEST_SERVICES_ENV, type TestLogin, type TestServices } from './test-services';

declare global {
  var talentTestServices: { users: number; services: Promise<TestServices> } | undefined;
}

function databaseServerAdminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/**
 * The run's two logins, as a deployment has them: neither a superuser nor able to create roles or
 * databases. Named per run, since a configured DATABASE_URL's server may be shared.
 */
async function createLogins(adminUrl: string): Promise<{ owner: TestLogin; app: TestLogin; drop(): Promise<void> }> {
  const run = randomBytes(4).toString('hex');
  const login = (kind: string): TestLogin => ({
    role: `talent_test_${kind}_${run}`,
    password: randomBytes(24).toString('hex'),
  });
  const owner = login('owner');
  const app = login('app');
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const { role, password } of [owner, app]) {
      await admin.query(
        `CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${admin.escapeLiteral(password)}`,
      );
    }
  } finally {
    await admin.end();
  }
  const drop = async () => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      // Specs drop their databases; one left behind keeps its owner, and the teardown says so.
      await client.query(`DROP ROLE IF EXISTS ${app.role}`);
      await client.query(`DROP ROLE IF EXISTS ${owner.role}`);
    } finally {
      await client.end();
    }
  };
  return { owner, app, drop };
}

async function startServices(): Promise<TestServices> {
  const stops: Array<() => Promise<void>> = [];
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = databaseServerAdminUrl(process.env.DATABASE_URL);
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'talent-test-pg-'));
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'talent_test',
      ephemeral: true,
    });
    adminUrl = postgres.adminUrl;
    stops.push(async () => {
      await postgres.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }
  const logins = await createLogins(adminUrl);
  // On an embedded server the roles go with the cluster; on a configured one they are dropped.
  if (stops.length === 0) stops.push(() => logins.drop());
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  if (!temporalAddress) {
    const temporal = await startTemporalDevServer({ port: await freePort(), namespace });
    temporalAddress = temporal.address;
    stops.push(() => temporal.stop());
  }
  return {
    adminUrl,
    owner: logins.owner,
    app: logins.app,
    temporalAddress,
    namespace,
    stop: () => Promise.all(stops.map((stop) => stop())).then(() => undefined),
  };
}

/**
 * Starts one PostgreSQL and one Temporal server for the whole run (both the int and the e2e
 * project call this; the second call shares the first one's services). A configured
 * DATABASE_URL or TEMPORAL_ADDRESS is used instead of starting that service.
 */
export default async function globalSetup(): Promise<void> {
  globalThis.talentTestServices ??= { users: 0, services: startServices() };
  globalThis.talentTestServices.users += 1;
  const services = await globalThis.talentTestServices.services;
  process.env[TEST_SERVICES_ENV.adminUrl] = services.adminUrl;
  process.env[TEST_SERVICES_ENV.ownerLogin] = JSON.stringify(services.owner);
  process.env[TEST_SERVICES_ENV.appLogin] = JSON.stringify(services.app);
  process.env[TEST_SERVICES_ENV.temporalAddress] = services.temporalAddress;
  process.env[TEST_SERVICES_ENV.namespace] = services.namespace;
}
