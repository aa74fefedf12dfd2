import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source';
import { migrateAsOwner, migrateWithLock } from './migrate';
import { PG_POOL, pgPoolOf } from './pg-pool';

/**
 * An operator who gives the api or the worker DATABASE_OWNER_URL has them migrate as the owner at
 * boot, on a connection closed straight after. The stricter way, which npm start and compose take,
 * is to migrate first (`npm run db:migrate`) and give them DATABASE_URL's login alone.
 */
async function migrateAsOwnerAtBoot(config: AppConfig): Promise<void> {
  if (config.DATABASE_OWNER_URL) await migrateAsOwner(config.DATABASE_OWNER_URL, config.DATABASE_URL);
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        await migrateAsOwnerAtBoot(config);
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
