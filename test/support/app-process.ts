import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '@talent/local-stack';

export interface AppProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr: what an operator's log collector would receive. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no draining, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/** The real entry point of `app` in a process of its own, run from source. */
function spawnApp(app: 'api' | 'worker', env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, `apps/${app}/src/main.ts`)], {
    cwd: root,
    env: { ...process.env, ...env, SERVICE_NAME: `${app}-under-test` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    child,
    output: () => Buffer.concat(chunks).toString(),
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

export function spawnWorker(env: Record<string, string>): AppProcess {
  return spawnApp('worker', env);
}

/** The api on a port of its own, once it answers /health. */
export async function spawnApi(env: Record<string, string>): Promise<AppProcess & { baseUrl: string }> {
  const port = await freePort();
  const app = spawnApp('api', { ...env, HOST: '127.0.0.1', PORT: String(port) });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(`${baseUrl}/health`).then(
      () => true,
      () => false,
    ))
  ) {
    if (app.child.exitCode !== null || Date.now() > deadline) throw new Error(`the api did not start: ${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { ...app, baseUrl };
}
