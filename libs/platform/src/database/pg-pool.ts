import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export const PG_POOL = Symbol('PG_POOL');

/**
 * The event store and the projections speak SQL through pg directly; they share TypeORM's pool
 * so a process keeps one set of connections, sized by DATABASE_POOL_MAX.
 */
export function pgPoolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as PostgresDriver).master as Pool;
}
