import path from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  createCaseActivities,
  createCommandActivities,
  createDiagnosticsActivities,
  createPlanActivities,
  createRoundActivities,
} from '@talent/activities';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  ensureSearchAttributes,
  installTemporalRuntimeLogging,
  PG_POOL,
  requireCommandSigningKey,
  temporalConnectionSettings,
} from '@talent/platform';

/**
 * workflows/index in source form (tests) or compiled form (dist), whichever sits beside us. In
 * source form, Temporal's bundler compiles it with SWC, which applies the `@talent/*` paths of
 * .swcrc just as the build and Jest do; compiled files already hold relative imports.
 */
const workflowsPath = require.resolve(path.join(__dirname, '../../../workflows'));

/**
 * Owns the Temporal worker: runs it for the life of the Nest application and, on shutdown,
 * lets in-flight tasks finish before the process exits.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;
  private shuttingDown = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Connection) private readonly clientConnection: Connection,
    private readonly client: Client,
    private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    installTemporalRuntimeLogging(this.config);
    const outcome = await ensureSearchAttributes(this.clientConnection, this.config.TEMPORAL_NAMESPACE);
    this.logger.log(`custom search attributes: ${outcome}`);
    this.connection = await NativeConnection.connect(temporalConnectionSettings(this.config));
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowsPath,
      activities: this.activities(),
      maxCachedWorkflows: this.config.WORKER_MAX_CACHED_WORKFLOWS,
      workflowThreadPoolSize: this.config.WORKER_WORKFLOW_THREADS,
    });
    // A stop signal may arrive while the bundle is being built; then the worker never starts.
    if (this.shuttingDown) return;
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`worker stopped: ${(error as Error).message}`);
      process.exitCode = 1;
    });
    this.logger.log(`worker polling task queue ${this.config.TEMPORAL_TASK_QUEUE}`);
  }

  private activities() {
    const config = this.config;
    const signingKey = requireCommandSigningKey(config);
    const plan = {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      quotas: { high_level_talent: config.PLAN_HIGH_LEVEL_QUOTA, shortage_talent: config.PLAN_SHORTAGE_QUOTA },
      fundCny: config.PLAN_FUND_CNY,
    };
    const commands = createCommandActivities(this.store, signingKey);
    return {
      ...createDiagnosticsActivities(),
      ...commands,
      ...createCaseActivities(
        this.store,
        {
          dayMs: config.CASE_DAY_SECONDS * 1000,
          extraHolidays: config.LOCAL_HOLIDAYS,
          extraWorkdays: config.LOCAL_WORKDAYS,
        },
        commands,
      ),
      ...createPlanActivities(this.client, plan, signingKey),
      ...createRoundActivities({ store: this.store, pool: this.pool, client: this.client, signingKey, plan }),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
