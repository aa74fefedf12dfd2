export {
  loadConfig,
  ConfigError,
  temporalUsesTls,
  APP_CONFIG_VARIABLES,
  requireApiSecrets,
  requireCommandSigningKey,
  requireLedgerSigningKey,
} from './config/app-config';
export type { AppConfig } from './config/app-config';
export { AppConfigModule, APP_CONFIG } from './config/config.module';
export { DatabaseModule } from './database/database.module';
export { createDataSource, dataSourceOptions } from './database/data-source';
export { migrateAsOwner, migrateWithLock } from './database/migrate';
export { grantAppRole, roleOfUrl } from './database/app-role';
export { LoggingModule, REDACTED_LOG_PATHS } from './logging/logging.module';
export { HealthModule } from './health/health.module';
export { TemporalClientModule } from './temporal/temporal.module';
export { temporalConnectionSettings } from './temporal/temporal-connection-options';
export { ensureSearchAttributes, devServerSearchAttributeFlags } from './temporal/search-attribute-registration';
export { closeWhenSupervisorGoes } from './lifecycle/supervisor';
export { installTemporalRuntimeLogging } from './logging/temporal-runtime-logging';
export { PG_POOL, pgPoolOf } from './database/pg-pool';
export { EventStoreModule } from './event-store/event-store.module';
export { MetricsModule } from './metrics/metrics.module';
export { Allow, Public, ALLOWED_ROLES, PUBLIC_ROUTE, API_KEY_HEADER } from './http/access';
