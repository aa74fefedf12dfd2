import { Controller, Get, Header, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../http/access';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { PostgresEventStore } from '@talent/event-store';
import { allProjections, measureProjectionLag } from '@talent/projections';
import { PG_POOL } from '../database/pg-pool';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@ApiExcludeController()
@Public()
@Controller('metrics')
class MetricsController implements OnModuleInit {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: PostgresEventStore,
  ) {}

  onModuleInit(): void {
    const { pool, store } = this;
    new Gauge({
      name: 'talent_projection_lag_seconds',
      help: 'Age of the oldest event a projection has not applied yet (0 when caught up)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        const lags = await measureProjectionLag(
          pool,
          store,
          allProjections.map((projection) => projection.name),
        );
        for (const lag of lags) this.set({ projection: lag.projection }, lag.lagSeconds);
      },
    });
  }

  /** Prometheus text format, for scraping. */
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
  ],
})
export class MetricsModule {}
