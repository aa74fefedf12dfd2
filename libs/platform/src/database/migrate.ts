import type { DataSource } from 'typeorm';
import { grantAppRole, roleOfUrl } from './app-role';
import { createDataSource } from './data-source';

// Any constant works; it only has to be the same in every process of the deployment.
const MIGRATION_LOCK_KEY = 0x74616c656e74; // "talent"

/**
 * Runs pending migrations while holding a session-level advisory lock, so that an api and a
 * worker (or several replicas) booting at the same moment apply each migration exactly once.
 * With `appRole`, the data source is the owner's and the app login's privileges are set after
 * the migrations (see grantAppRole), under the same lock.
 */
export async function migrateWithLock(dataSource: DataSource, options: { appRole?: string } = {}): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (options.appRole) {
      const appRole = options.appRole;
      await dataSource.transaction((manager) => grantAppRole(manager, appRole));
    }
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}

/**
 * The migrations as the owner (`ownerUrl`) on a connection closed straight after, then the
 * privileges of `appUrl`'s login. `npm start`, the test stack and compose's migrate job run this
 * before the api and the worker start, so that neither holds the owner's password.
 */
export async function migrateAsOwner(ownerUrl: string, appUrl: string): Promise<string[]> {
  const owner = await createDataSource({ DATABASE_URL: ownerUrl, DATABASE_POOL_MAX: 2 }).initialize();
  try {
    return await migrateWithLock(owner, { appRole: roleOfUrl(appUrl) });
  } finally {
    await owner.destroy();
  }
}
