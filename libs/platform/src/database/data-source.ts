import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { migrations } from './migrations';

export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    // The schema only ever comes from the reviewed migrations below.
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    extra: { max: config.DATABASE_POOL_MAX, application_name: 'talent-engine' },
  };
}

export function createDataSource(config: Pick<AppConfig, 'DATABASE_URL' | 'DATABASE_POOL_MAX'>): DataSource {
  return new DataSource(dataSourceOptions(config));
}
