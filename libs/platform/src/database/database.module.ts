import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { roleOfUrl } from './app-role';
import { createDataSource, dataSourceOptions } from './data-source';
import { migrateWithLock } from './migrate';
import { PG_POOL, pgPoolOf } from './pg-pool';

/**
 * With DATABASE_OWNER_URL, the migrations run as the owner on a connection closed straight
 * after, and the process then works as DATABASE_URL's login, which may append and read events
 * but never rewrite them (grantAppRole). Without it, DATABASE_URL's login owns the schema.
 */
async function migrateAsOwner(config: AppConfig): Promise<void> {
  if (!config.DATABASE_OWNER_URL) return;
  const owner = await createDataSource({ DATABASE_URL: config.DATABASE_OWNER_URL, DATABASE_POOL_MAX: 2 }).initialize();
  try {
    await migrateWithLock(owner, { appRole: roleOfUrl(config.DATABASE_URL) });
  } finally {
    await owner.destroy();
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        await migrateAsOwner(config);
        return dataSourceOptions(config);
      },
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        // After the owner's run nothing is pending: this only reads schema_migrations.
        await migrateWithLock(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [{ provide: PG_POOL, inject: [getDataSourceToken()], useFactory: pgPoolOf }],
  exports: [PG_POOL],
})
export class DatabaseModule {}
