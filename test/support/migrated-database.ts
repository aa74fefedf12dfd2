import { Pool } from 'pg';
import { createDataSource, migrateWithLock } from '@talent/platform';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface MigratedDatabase extends TestDatabase {
  /**
   * The superuser's pool: specs set up, rebuild and tamper through it as whoever holds the
   * server could. What the api and the worker may do is the app login's, at `url`.
   */
  pool: Pool;
  close(): Promise<void>;
}

/** A fresh database with every migration applied as its owner, the app login granted, and a pool. */
export async function createMigratedDatabase(label: string): Promise<MigratedDatabase> {
  const database = await createTestDatabase(label);
  const dataSource = await createDataSource({ DATABASE_URL: database.ownerUrl, DATABASE_POOL_MAX: 2 }).initialize();
  try {
    await migrateWithLock(dataSource, { appRole: database.appRole });
  } finally {
    await dataSource.destroy();
  }
  const pool = new Pool({ connectionString: database.superuserUrl, max: 20, application_name: `talent-test-${label}` });
  // Specs that cut connections on purpose must not crash the process through an idle client.
  pool.on('error', () => undefined);
  return {
    ...database,
    pool,
    close: async () => {
      await pool.end();
      await database.drop();
    },
  };
}
