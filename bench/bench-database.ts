import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { freePort, startEmbeddedPostgres } from '@talent/local-stack';
import { createDataSource, migrateWithLock } from '@talent/platform';

export interface BenchDatabase {
  url: string;
  pool: Pool;
  describe: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark run: on a throw-away embedded PostgreSQL, or on
 * the server of DATABASE_URL when set (its database is created and dropped).
 */
export async function benchDatabase(poolSize: number): Promise<BenchDatabase> {
  const stops: Array<() => Promise<void>> = [];
  let adminUrl: string;
  let describe: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
    describe = `PostgreSQL at ${url.host}`;
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'talent-bench-pg-'));
    const server = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
      ephemeral: true,
    });
    adminUrl = server.adminUrl;
    describe = 'embedded PostgreSQL 18 (default settings, fsync on)';
    stops.push(async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }
  const name = `talent_bench_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = await createDataSource({ DATABASE_URL: url.toString(), DATABASE_POOL_MAX: 2 }).initialize();
  await migrateWithLock(dataSource);
  await dataSource.destroy();
  const pool = new Pool({ connectionString: url.toString(), max: poolSize });
  // Stopping the embedded server at the end cuts idle connections; that is not a failure.
  pool.on('error', () => undefined);
  const version = await pool.query<{ server_version: string }>('SHOW server_version');
  return {
    url: url.toString(),
    pool,
    describe: `${describe}, server ${version.rows[0]!.server_version}`,
    close: async () => {
      await pool.end();
      // An embedded cluster is deleted whole; on a given server, the run's database is dropped.
      if (stops.length === 0) await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
      for (const stop of stops) await stop();
    },
  };
}
