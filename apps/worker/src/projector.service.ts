import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { EventSubscription, PostgresEventStore } from '@talent/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { allProjections, type Projection, ProjectionRunner } from '@talent/projections';

const RESTART_DELAY_MS = 5_000;

/**
 * Keeps every read model current by tailing the event store. Any number of workers may run
 * this side by side: each projection is applied by whichever holds its lock.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectorService.name);
  private readonly stop = new AbortController();
  private subscription?: EventSubscription;
  private running: Array<Promise<void>> = [];

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = new EventSubscription(this.pool, {
      onError: (error) => this.logger.warn(`event notifications interrupted: ${error.message}`),
    });
    await this.subscription.start();
    this.running = allProjections.map((projection) => this.keepRunning(projection));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.running);
    await this.subscription?.stop();
  }

  /** A failing projection is retried, never allowed to take the worker (and its cases) down. */
  private async keepRunning(projection: Projection): Promise<void> {
    const runner = new ProjectionRunner(this.pool, this.store, projection, {
      subscription: this.subscription,
      batchIntervalMs: this.config.PROJECTION_BATCH_INTERVAL_MS,
      log: (message) => this.logger.warn(message),
    });
    while (!this.stop.signal.aborted) {
      try {
        await runner.run(this.stop.signal);
      } catch (error) {
        this.logger.error(`projection ${projection.name} failed, retrying: ${(error as Error).message}`);
        await sleep(RESTART_DELAY_MS, undefined, { signal: this.stop.signal }).catch(() => undefined);
      }
    }
  }
}
