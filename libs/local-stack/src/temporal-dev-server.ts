import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeFlags } from '@talent/platform';
import { stopChild } from './stop-child';
import { resolveTemporalCli } from './temporal-cli';

export interface TemporalDevServerOptions {
  /** File for the server's SQLite store; omit for an in-memory server (tests). */
  dbFile?: string;
  port: number;
  /** Omit for a headless server. */
  uiPort?: number;
  namespace: string;
  log?: (line: string) => void;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  namespace: string;
  stop(): Promise<void>;
}

async function waitUntilServing(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`temporal server exited early with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`temporal server at ${address} not ready after ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * `temporal server start-dev` bound to 127.0.0.1 with the project's search attributes, and the
 * multi-operation API on so a case can be started and updated in one call (update-with-start).
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const log = options.log ?? console.error;
  const binary = await resolveTemporalCli(log);
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace,
    '--log-level',
    'warn',
    '--dynamic-config-value',
    'frontend.enableExecuteMultiOperation=true',
    ...devServerSearchAttributeFlags(),
  ];
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    // Write-ahead logging: a commit appends to the log and syncs it once, where SQLite's default
    // journal creates, syncs and deletes a file beside the database for every commit. As durable
    // (synchronous stays FULL), and the server's CPU per workflow task falls (bench:engine).
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal');
  }
  if (options.uiPort) args.push('--ui-ip', '127.0.0.1', '--ui-port', String(options.uiPort));
  else args.push('--headless');

  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderrTail = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-4000);
  });
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(address, child, 30_000);
  } catch (error) {
    await stopChild(child, 10_000);
    throw new Error(`${(error as Error).message}\n${stderrTail}`);
  }
  return {
    address,
    namespace: options.namespace,
    ...(options.uiPort && { uiUrl: `http://127.0.0.1:${options.uiPort}` }),
    stop: () => stopChild(child, 10_000),
  };
}
