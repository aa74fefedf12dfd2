import { randomBytes } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ApiClient } from '@talent/api-client';
import { BOOTSTRAP_ACTOR, PrincipalStore } from '@talent/identity';
import { generateSecrets } from '@talent/local-stack';
import { migrateAsOwner } from '@talent/platform';
import { testServicesFromEnv } from '../setup/test-services';
import { authHeaders, newPassword, registerAdmin } from './identities';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestStack {
  api: INestApplication;
  /** The environment the api and worker were started with, for worker processes of a spec's own. */
  env: Record<string, string>;
  baseUrl: string;
  /** The api as a client reaches it, with the credentials of whoever each call names. */
  client: ApiClient;
  taskQueue: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The api and the worker exactly as production builds them, in this process, on a database of
 * their own and a task queue of their own, against the run's real PostgreSQL and Temporal.
 */
export async function startTestStack(
  label: string,
  env: Record<string, string> = {},
  options: { inProcessWorker?: boolean } = {},
): Promise<TestStack> {
  const services = testServicesFromEnv();
  const database = await createTestDatabase(label);
  // As npm start and compose's migrate job do: the api and the worker never hold the owner's URL.
  await migrateAsOwner(database.ownerUrl, database.url);
  delete process.env.DATABASE_OWNER_URL;
  const taskQueue = `${label}-${randomBytes(4).toString('hex')}`;
  const stackEnv: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_NAMESPACE: services.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    // Each stack its own county, so plans and case lists of parallel spec files never meet.
    DIVISION_CODE: String(100000 + Math.floor(Math.random() * 899999)),
    ...generateSecrets(),
    // Specs poll the api many times a second; the limiter has a spec of its own.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    SIGN_IN_ATTEMPTS_PER_15_MINUTES: '1000',
    SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: '1000',
    ...env,
  };
  Object.assign(process.env, stackEnv);
  let worker: INestApplicationContext | undefined;
  if (options.inProcessWorker !== false) {
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
  }
  const api = await createApiApp({ logger: false });
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  // What `npm run admin:bootstrap` does on a new deployment.
  const admin = { id: 'admin-1', password: newPassword() };
  await api
    .get(PrincipalStore)
    .createFirstAdmin({ id: admin.id, displayName: 'Test admin', password: admin.password }, BOOTSTRAP_ACTOR);
  registerAdmin(baseUrl, admin);
  return {
    api,
    env: stackEnv,
    baseUrl,
    client: new ApiClient(baseUrl, (who) => authHeaders(baseUrl, who)),
    taskQueue,
    database,
    close: async () => {
      await api.close();
      await worker?.close();
      await database.drop();
    },
  };
}
