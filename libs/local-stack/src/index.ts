export { startEmbeddedPostgres, ensureDatabase } from './embedded-postgres';
export type { EmbeddedPostgresServer } from './embedded-postgres';
export { startTemporalDevServer } from './temporal-dev-server';
export type { TemporalDevServer } from './temporal-dev-server';
export { resolveTemporalCli, temporalCliCachePath, TEMPORAL_CLI_VERSION } from './temporal-cli';
export { freePort, isPortFree } from './free-port';
export { repoRoot } from './repo-root';
export { stopChild } from './stop-child';
