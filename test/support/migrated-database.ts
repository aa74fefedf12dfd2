import { Pool } from 'pg';
import { createDataSource, migrateWithLock } from '@talent/platform';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface MigratedDatabase extends TestDatabase {
  pool: Pool;
  close(): Promise<void>;
}

/** A fresh database with every migration applied, and a pool on it. */
export async function createMigratedDatabase(label: string): Promise<MigratedDatabase> {
  const database = await createTestDatabase(label);
  const dataSource = await createDataSource({ DATABASE_URL: database.url, DATABASE_POOL_MAX: 2 }).initialize();
  try {
    await migrateWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const pool = new Pool({ connectionString: database.url, max: 20, application_name: `talent-test-${label}` });
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
