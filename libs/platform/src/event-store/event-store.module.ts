import { Global, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { PG_POOL } from '../database/pg-pool';

@Global()
@Module({
  providers: [
    { provide: PostgresEventStore, inject: [PG_POOL], useFactory: (pool: Pool) => new PostgresEventStore(pool) },
  ],
  exports: [PostgresEventStore],
})
export class EventStoreModule {}
