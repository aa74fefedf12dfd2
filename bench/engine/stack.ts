import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { BOOTSTRAP_ACTOR, PrincipalStore } from '@talent/identity';
import {
  freePort,
  generateSecrets,
  repoRoot,
  startEmbeddedPostgres,
  startTemporalDevServer,
  stopChild,
} from '@talent/local-stack';
import { loadConfig } from '@talent/platform';
import { newPassword } from '../../tools/demo/office-accounts';

export interface RunningStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  workerPid: number;
  apiPid: number;
  admin: { id: string; password: string };
}

const log = (line: string) => console.error(`[bench] ${line}`);

/** BENCH_PG_STATEMENTS=1: PostgreSQL counts its statements, and the benchmark prints them per request. */
export const STATEMENTS_COUNTED = Boolean(process.env.BENCH_PG_STATEMENTS);

/** Whatever a benchmark should not be throttled by: it is one office's worth of users from one address. */
const UNTHROTTLED = {
  API_RATE_LIMIT_PER_MINUTE: '1000000',
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
  SIGN_IN_ATTEMPTS_PER_15_MINUTES: '1000',
  SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES: '1000',
  // A full run outlasts the default 15-minute token, and the accounts sign in once.
  AUTH_TOKEN_TTL_SECONDS: '86400',
};

// A stuck stop (a server that already died of the terminal's Ctrl-C) must not hang the exit.
const STOP_TIMEOUT_MS = 20_000;

/**
 * What `npm start` runs, on a throw-away data directory and free ports so it never meets a
 * running `npm start`: embedded PostgreSQL and the Temporal dev server, then the compiled worker
 * and api as processes of their own, so the worker's memory can be read by its pid.
 */
export class BenchStack {
  private readonly stops: Array<() => Promise<unknown>> = [];
  private readonly aborted = new AbortController();
  private starting: Promise<unknown> = Promise.resolve();
  private stopped?: Promise<void>;

  constructor(private readonly onCrash: (name: string) => void) {}

  start(): Promise<RunningStack> {
    const started = this.startAll();
    this.starting = started.catch(() => undefined);
    return started;
  }

  /** Stops what has started, newest first; a start in progress is let finish its step first. */
  stop(): Promise<void> {
    this.aborted.abort();
    this.stopped ??= this.starting.then(async () => {
      log('stopping the stack');
      for (const stop of this.stops.reverse()) {
        await Promise.race([
          stop().catch((error: unknown) => log(`stopping: ${String(error)}`)),
          sleep(STOP_TIMEOUT_MS),
        ]);
      }
      log('stopped');
    });
    return this.stopped;
  }

  private step(): void {
    if (this.aborted.signal.aborted) throw new Error('stopped while starting');
  }

  private async startAll(): Promise<RunningStack> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'talent-bench-engine-'));
    // Run as root, PostgreSQL runs as the `postgres` user, which must reach its directory in here.
    chmodSync(dataDir, 0o755);
    this.stops.push(() => rm(dataDir, { recursive: true, force: true }));
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: await freePort(),
      database: 'talent',
      ...(STATEMENTS_COUNTED && {
        settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
      }),
      log,
    });
    this.stops.push(() => postgres.stop());
    this.step();
    const temporal = await startTemporalDevServer({
      dbFile: path.join(dataDir, 'temporal.db'),
      port: await freePort(),
      uiPort: await freePort(),
      namespace: 'default',
      log,
    });
    this.stops.push(() => temporal.stop());
    this.step();
    log(`PostgreSQL and Temporal (UI ${temporal.uiUrl}) on free ports, data in ${dataDir}`);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...generateSecrets(),
      ...UNTHROTTLED,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      // Per-request log lines are not what is measured; LOG_LEVEL=info brings them back.
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    };
    const config = loadConfig(env);
    const worker = this.spawn('worker', 'apps/worker/src/main.js', env);
    const api = this.spawn('api', 'apps/api/src/main.js', env);
    const apiUrl = `http://${config.HOST}:${config.PORT}`;
    await this.waitForPollingWorker(apiUrl);
    this.step();
    const admin = await createFirstAdmin(postgres.url);
    return {
      apiUrl,
      databaseUrl: postgres.url,
      temporalAddress: temporal.address,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workerPid: worker.pid!,
      apiPid: api.pid!,
      admin,
    };
  }

  private spawn(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
    // BENCH_CPU_PROFILE_DIR: V8 CPU profiles of the api and the worker, one per thread (the
    // worker runs workflows in threads of its own), written when they stop: where a figure's time went.
    const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`] : [];
    const child = spawn(process.execPath, [...profiling, path.join(repoRoot(), 'dist', entry)], {
      env: { ...env, SERVICE_NAME: `bench-${name}` },
      // Their warnings and errors join the progress on stderr, leaving stdout to the report. The
      // IPC channel makes a child close itself if this process dies without stopping it.
      stdio: ['ignore', process.stderr, process.stderr, 'ipc'],
    });
    child.on('exit', (code, signal) => {
      if (this.aborted.signal.aborted) return;
      log(`${name} exited (${signal ?? code})`);
      this.onCrash(name);
    });
    this.stops.push(() => stopChild(child, 15_000));
    return child;
  }

  /** Healthy, and a worker polls the task queue: only then can a case move. */
  private async waitForPollingWorker(apiUrl: string): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      this.step();
      const health = await fetch(`${apiUrl}/health`)
        .then((response) => response.json() as Promise<{ details?: { temporal?: { workers?: number } } }>)
        .catch(() => undefined);
      if ((health?.details?.temporal?.workers ?? 0) > 0) return;
      await sleep(250);
    }
    throw new Error(`${apiUrl}/health did not show a polling worker within 120 s`);
  }
}

/** What `npm run admin:bootstrap` does on a new deployment, once the api has migrated the database. */
async function createFirstAdmin(databaseUrl: string): Promise<{ id: string; password: string }> {
  const admin = { id: 'bench-admin', password: newPassword() };
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await new PrincipalStore(pool, new PostgresEventStore(pool)).createFirstAdmin(
      { id: admin.id, displayName: 'Benchmark admin', password: admin.password },
      BOOTSTRAP_ACTOR,
    );
  } finally {
    await pool.end();
  }
  return admin;
}
