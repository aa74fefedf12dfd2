import { randomBytes } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { testServicesFromEnv } from '../setup/test-services';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestStack {
  api: INestApplication;
  /** The environment the api and worker were started with, for worker processes of a spec's own. */
  env: Record<string, string>;
  baseUrl: string;
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
  const baseUrl = await api.getUrl();
  return {
    api,
    env: stackEnv,
    baseUrl: baseUrl.replace('[::1]', '127.0.0.1'),
    taskQueue,
    database,
    close: async () => {
      await api.close();
      await worker?.close();
      await database.drop();
    },
  };
}
