import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  EMBEDDED_PG_DEFAULT_PORT,
  type EmbeddedPostgresServer,
  ensureEngineLogins,
  ensureLocalSecrets,
  isPortFree,
  repoRoot,
  startEmbeddedPostgres,
  startTemporalDevServer,
  stopChild,
  type TemporalDevServer,
} from '@talent/local-stack';
import { ConfigError, loadConfig, migrateAsOwner } from '@talent/platform';

/**
 * `npm start`: the whole stack on one machine. Starts what the environment does not already
 * provide (PostgreSQL, Temporal), then the worker and the api, and stops all of it on Ctrl-C.
 */
const root = repoRoot();
// Variables already in the environment win over .env, as with any dotenv loader.
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const log = (line: string) => console.error(`[stack] ${line}`);
const secrets = ensureLocalSecrets(dataDir, process.env);
if (secrets.created.length > 0) log(`generated ${secrets.created.join(', ')} into ${secrets.file}; back it up`);

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ConfigError([`${name}: must be a port number`]);
  return value;
}

async function requireFreePort(port: number, variable: string, alternative: string): Promise<void> {
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} is already in use. Set ${variable} to another port, or ${alternative}.`);
  }
}

interface Stack {
  postgres?: EmbeddedPostgresServer;
  temporal?: TemporalDevServer;
  children: ChildProcess[];
}

async function startServices(stack: Stack): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!env.DATABASE_URL) {
    const port = numberFromEnv('EMBEDDED_PG_PORT', EMBEDDED_PG_DEFAULT_PORT);
    await requireFreePort(port, 'EMBEDDED_PG_PORT', 'set DATABASE_URL to use an existing PostgreSQL');
    stack.postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port,
      database: 'talent',
      log,
    });
    const logins = await ensureEngineLogins(stack.postgres.adminUrl, 'talent', {
      owner: env.EMBEDDED_PG_OWNER_PASSWORD!,
      app: env.EMBEDDED_PG_APP_PASSWORD!,
    });
    env.DATABASE_OWNER_URL = logins.ownerUrl;
    env.DATABASE_URL = logins.appUrl;
    log(`PostgreSQL (embedded) on 127.0.0.1:${port}, data in ${path.join(dataDir, 'postgres')}`);
  }
  // Only this process knows the embedded server's passwords: the api and the worker get the app
  // login's URL, and the owner's stays here for the migrations.
  delete env.EMBEDDED_PG_OWNER_PASSWORD;
  delete env.EMBEDDED_PG_APP_PASSWORD;
  if (!env.TEMPORAL_ADDRESS) {
    const port = numberFromEnv('TEMPORAL_PORT', 7233);
    const uiPort = numberFromEnv('TEMPORAL_UI_PORT', 8233);
    await requireFreePort(port, 'TEMPORAL_PORT', 'set TEMPORAL_ADDRESS to use an existing Temporal server');
    await requireFreePort(uiPort, 'TEMPORAL_UI_PORT', 'stop whatever holds it');
    stack.temporal = await startTemporalDevServer({
      dbFile: path.join(dataDir, 'temporal.db'),
      port,
      uiPort,
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      log,
    });
    env.TEMPORAL_ADDRESS = stack.temporal.address;
    env.TEMPORAL_UI_URL = stack.temporal.uiUrl;
    log(`Temporal dev server on ${stack.temporal.address}, UI at ${stack.temporal.uiUrl}`);
  }
  return env;
}

function startChild(name: string, entry: string, env: NodeJS.ProcessEnv, onExit: () => void) {
  const child = spawn(process.execPath, [path.join(root, 'dist', entry)], {
    env: { ...env, SERVICE_NAME: name },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('exit', onExit);
  return child;
}

/** Healthy, and a worker polls the task queue: only then can a case really move. */
async function waitUntilReady(url: string, timeoutMs: number, isStopping: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !isStopping()) {
    const health = await fetch(url).then(
      async (response) =>
        response.ok ? ((await response.json()) as { details?: { temporal?: { workers?: number } } }) : undefined,
      () => undefined,
    );
    if ((health?.details?.temporal?.workers ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (isStopping()) return;
  throw new Error(`${url} did not report healthy with a polling worker within ${timeoutMs / 1000} s`);
}

async function stopAll(stack: Stack): Promise<void> {
  // The worker drains in-flight tasks first; give it longer than the server.
  await Promise.all(stack.children.map((child) => stopChild(child, 15_000)));
  await stack.temporal?.stop();
  await stack.postgres?.stop();
}

async function startStack(stack: Stack, isStopping: () => boolean, onChildExit: (name: string) => void) {
  const env = await startServices(stack);
  if (isStopping()) return;
  // Migrated here, as the owner: the api and the worker never hold the owner's password.
  if (env.DATABASE_OWNER_URL) {
    await migrateAsOwner(env.DATABASE_OWNER_URL, env.DATABASE_URL!);
    delete env.DATABASE_OWNER_URL;
  }
  const config = loadConfig(env);
  for (const [name, entry] of [
    ['worker', 'apps/worker/src/main.js'],
    ['api', 'apps/api/src/main.js'],
  ] as const) {
    stack.children.push(startChild(name, entry, env, () => onChildExit(name)));
  }
  const apiUrl = `http://${config.HOST}:${config.PORT}`;
  await waitUntilReady(`${apiUrl}/health`, 120_000, isStopping);
  if (isStopping()) return;
  log('ready:');
  log(`  API           ${apiUrl}`);
  log(`  OpenAPI docs  ${apiUrl}/docs`);
  log(`  Health        ${apiUrl}/health`);
  log(`  Temporal UI   ${env.TEMPORAL_UI_URL ?? '(external cluster)'}`);
  log(`  Temporal      ${config.TEMPORAL_ADDRESS}, namespace ${config.TEMPORAL_NAMESPACE}`);
  log('  First admin   npm run admin:bootstrap -- <user id> "<display name>" (once, on a new database)');
  log('Press Ctrl-C to stop.');
}

function main(): void {
  const stack: Stack = { children: [] };
  let stopping = false;
  const isStopping = () => stopping;
  let startup: Promise<void> = Promise.resolve();
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping...');
    // A signal during start-up waits for the step in flight, so nothing it spawns is orphaned.
    await startup.catch(() => undefined);
    await stopAll(stack);
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const onChildExit = (name: string) => {
    if (stopping) return;
    log(`${name} exited unexpectedly; stopping the stack`);
    void shutdown(1);
  };
  startup = startStack(stack, isStopping, onChildExit).catch((error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    void shutdown(1);
  });
}

main();
