import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, startTemporalDevServer } from '@talent/local-stack';
import { TEST_SERVICES_ENV, type TestServices } from './test-services';

declare global {
  var talentTestServices: { users: number; services: Promise<TestServices> } | undefined;
}

function databaseServerAdminUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
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
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  if (!temporalAddress) {
    const temporal = await startTemporalDevServer({ port: await freePort(), namespace });
    temporalAddress = temporal.address;
    stops.push(() => temporal.stop());
  }
  return {
    adminUrl,
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
  process.env[TEST_SERVICES_ENV.temporalAddress] = services.temporalAddress;
  process.env[TEST_SERVICES_ENV.namespace] = services.namespace;
}
