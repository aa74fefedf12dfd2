import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * The documented offline command, run from source: what an auditor runs on their own machine.
 * Not spawnSync: an api under test may share this process, and seconds of a blocked event loop
 * made it close the kept-alive connection just as the next request reused it (ECONNRESET).
 */
export function verifyExportOffline(
  file: string,
  ...options: string[]
): Promise<{ status: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(root, 'tools/audit/verify-export.ts'), file, ...options],
    { cwd: root, env: { PATH: process.env.PATH } },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}
