import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { allProjections, measureProjectionLag } from '@talent/projections';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PG_POOL } from '../database/pg-pool';

/** Down when any read model is staler than PROJECTION_LAG_LIMIT_SECONDS: lists would mislead. */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(key = 'projections') {
    const indicator = this.health.check(key);
    let lags;
    try {
      lags = await measureProjectionLag(
        this.pool,
        this.store,
        allProjections.map((projection) => projection.name),
      );
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
    const limit = this.config.PROJECTION_LAG_LIMIT_SECONDS;
    const details = {
      lagLimitSeconds: limit,
      projections: Object.fromEntries(lags.map(({ projection, ...lag }) => [projection, lag])),
    };
    return lags.every((lag) => lag.lagSeconds <= limit) ? indicator.up(details) : indicator.down(details);
  }
}
