import type { DataSource } from 'typeorm';

// Any constant works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK_KEY = 0x74616c656e74; // "talent"

/**
 * Runs pending migrations while holding a session-level advisory lock, so that an api and a
 * worker (or several replicas) booting at the same moment apply each migration exactly once.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
