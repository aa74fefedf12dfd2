import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface WorkerProcess {
  child: ChildProcess;
  /** SIGKILL: no shutdown hooks, no draining, as when a machine dies. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../..');

/** The real worker entry point in a process of its own, run from source. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'apps/worker/src/main.ts')], {
    cwd: root,
    env: { ...process.env, ...env, SERVICE_NAME: 'worker-under-test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
