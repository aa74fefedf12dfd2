import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@talent/local-stack';

export interface AppProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, no draining, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

function spawnApp(app: 'api' | 'worker', env: Record<string, string>, output: 'ignore' | 'pipe'): AppProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, `apps/${app}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, ...env, SERVICE_NAME: `${app}-under-test` },
    stdio: ['ignore', output, output === 'pipe' ? 'pipe' : 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** The real worker entry point in a process of its own, run from source. */
export function spawnWorker(env: Record<string, string>): AppProcess {
  return spawnApp('worker', env, 'ignore');
}

/**
 * The real api entry point in a process of its own, with everything it writes to stdout and
 * stderr kept in `output()`: what an operator's log collector would receive.
 */
export async function spawnApi(
  env: Record<string, string>,
): Promise<AppProcess & { baseUrl: string; output(): string }> {
  const port = await freePort();
  const app = spawnApp('api', { ...env, HOST: '127.0.0.1', PORT: String(port) }, 'pipe');
  const chunks: Buffer[] = [];
  app.child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  app.child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${baseUrl}/health`).then(
      () => true,
      () => false,
    ))
  ) {
    if (app.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`the api did not start: ${Buffer.concat(chunks).toString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { ...app, baseUrl, output: () => Buffer.concat(chunks).toString() };
}
