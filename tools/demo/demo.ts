import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@talent/local-stack';
import {
  createDemoPeople,
  type DemoAccounts,
  newDemoAccounts,
  readDemoAccounts,
  saveDemoAccounts,
} from './demo-accounts';
import { explained, replay2023 } from './replay-2023';

/**
 * `npm run demo`: the console with a full year of cases, in one command. Starts the stack on a
 * data directory of its own (`.data/demo`, never `npm start`'s), creates its admin and the people
 * who sign in, replays the county's 2023 (through its rounds), prints where to sign in and as whom,
 * and leaves the stack running until Ctrl-C. A second run finds the same data and accounts.
 */
const root = repoRoot();
const dataDir = path.resolve(root, process.env.DEMO_DATA_DIR ?? '.data/demo');
const accountsFile = path.join(dataDir, 'demo-accounts.json');
const apiUrl = `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3000'}`;
const log = (line: string) => console.error(`[demo] ${line}`);

// Facts of 2022–2024 are entered now; the rate limit only makes the replay quicker; a line per
// request would bury where to sign in.
const stackEnv: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DATA_DIR: dataDir,
  BACKDATE_LIMIT_DAYS: process.env.BACKDATE_LIMIT_DAYS ?? '2000',
  API_RATE_LIMIT_PER_MINUTE: process.env.API_RATE_LIMIT_PER_MINUTE ?? '6000',
};

const answers = (url: string) =>
  fetch(url).then(
    (response) => response.ok,
    () => false,
  );

/** Healthy with a polling worker, as `npm start` waits for; or the stack gave up. */
async function ready(stack: ChildProcess): Promise<void> {
  while (stack.exitCode === null) {
    const health = await fetch(`${apiUrl}/health`).then(
      async (response) =>
        response.ok ? ((await response.json()) as { details?: { temporal?: { workers?: number } } }) : undefined,
      () => undefined,
    );
    if ((health?.details?.temporal?.workers ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The stack stopped before it was ready (its log is above).');
}

/** The demo's first admin, made by the same tool an office uses on a new database. */
async function bootstrapAdmin(accounts: DemoAccounts): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'dist/tools/admin/bootstrap-admin.js'), accounts.admin.id, '演示管理员'],
    { env: { ...stackEnv, ADMIN_PASSWORD: accounts.admin.password } },
  );
}

const startOver = () => `Delete ${dataDir} to start the demo over.`;

async function prepare(): Promise<DemoAccounts> {
  let accounts = readDemoAccounts(accountsFile);
  if (!accounts) {
    const fresh = newDemoAccounts();
    await bootstrapAdmin(fresh).catch((error: unknown) => {
      throw new Error(`${explained(error)}\nThe database there has accounts the demo does not know. ${startOver()}`);
    });
    saveDemoAccounts(accountsFile, fresh);
    accounts = fresh;
  }
  await createDemoPeople(apiUrl, accounts);
  if (!accounts.replayed) {
    log('replaying the county’s 2023 through the api (a few minutes)...');
    const matched = await replay2023(apiUrl, accounts.admin).catch((error: unknown) => {
      throw new Error(`${explained(error)}\nThe replay stopped half-way. ${startOver()}`);
    });
    if (!matched) throw new Error('The computed figures differ from the report.');
    accounts.replayed = true;
    saveDemoAccounts(accountsFile, accounts);
  }
  return accounts;
}

function printSignIn(accounts: DemoAccounts): void {
  log('');
  log(`the console: ${apiUrl}/   the year 2023 in figures: ${apiUrl}/statistics?year=2023`);
  const shown = accountsFile.startsWith(root) ? path.relative(root, accountsFile) : accountsFile;
  log(`sign in as (passwords also in ${shown}):`);
  for (const person of accounts.people) log(`  ${person.id.padEnd(14)} ${person.password}  ${person.displayName}`);
  log(`  ${accounts.admin.id.padEnd(14)} ${accounts.admin.password}  admin (accounts and API clients)`);
  log('Press Ctrl-C to stop; `npm run demo` again finds everything as it was.');
}

async function main(): Promise<void> {
  if (await answers(`${apiUrl}/health`)) {
    throw new Error(
      `Something already answers at ${apiUrl}. The demo runs a stack of its own: stop that one, or set PORT ` +
        '(and EMBEDDED_PG_PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT) to free ones. To replay 2023 into a running stack, see npm run demo:2023.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const stack = spawn(process.execPath, [path.join(root, 'dist/tools/stack/start.js')], {
    env: stackEnv,
    stdio: 'inherit',
  });
  const stopped = new Promise<number>((resolve) => stack.on('exit', (code) => resolve(code ?? 1)));
  // Ctrl-C reaches the stack too (one process group); a SIGTERM to the demo alone is passed on.
  const stop = () => {
    if (stack.exitCode === null) stack.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await ready(stack);
    printSignIn(await prepare());
  } catch (error) {
    log(explained(error));
    stop();
    await stopped;
    process.exit(1);
  }
  process.exit(await stopped);
}

main().catch((error: unknown) => {
  log(explained(error));
  process.exit(1);
});
