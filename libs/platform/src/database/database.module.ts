import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source';
import { migrateWithLock } from './migrate';
import { PG_POOL, pgPoolOf } from './pg-pool';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await migrateWithLock(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [{ provide: PG_POOL, inject: [getDataSourceToken()], useFactory: pgPoolOf }],
  exports: [PG_POOL],
})
export class DatabaseModule {}
