import { existsSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { read } from 'read';
import { PostgresEventStore } from '@talent/event-store';
import { BOOTSTRAP_ACTOR, IdentityError, passwordProblem, PrincipalStore } from '@talent/identity';
import { EMBEDDED_PG_DEFAULT_PORT, embeddedDatabaseUrl, repoRoot } from '@talent/local-stack';
import { createDataSource, migrateWithLock } from '@talent/platform';

const USAGE = 'usage: npm run admin:bootstrap -- <user id> "<display name>"';

/**
 * `npm run admin:bootstrap -- <user id> "<display name>"`: creates the first admin of a new
 * deployment, and nothing once any admin exists (admins then create users through the api).
 * The password is asked for twice without echo, or read from ADMIN_PASSWORD or from standard
 * input when it is not a terminal; there is no default password anywhere.
 */
async function main([id, displayName]: string[]): Promise<void> {
  if (!id) throw new Error(USAGE);
  const databaseUrl = databaseUrlOfThisMachine();
  const password = await askPassword(id);
  const dataSource = createDataSource({ DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: 2 });
  await dataSource.initialize().catch((error: unknown) => {
    throw new Error(
      `Cannot reach PostgreSQL at ${redacted(databaseUrl)} (${error instanceof Error ? error.message : String(error)}); ` +
        'start the stack first (npm start) or set DATABASE_URL',
    );
  });
  try {
    await migrateWithLock(dataSource);
  } finally {
    await dataSource.destroy();
  }
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const admin = await new PrincipalStore(pool, new PostgresEventStore(pool)).createFirstAdmin(
      { id, displayName: displayName ?? id, password },
      BOOTSTRAP_ACTOR,
    );
    console.error(`created the first admin, ${admin.id}; sign in with POST /auth/sign-in`);
  } finally {
    await pool.end();
  }
}

/** DATABASE_URL from the environment or .env, else the embedded database of `npm start`. */
function databaseUrlOfThisMachine(): string {
  const envFile = path.join(repoRoot(), '.env');
  if (!process.env.DATABASE_URL && existsSync(envFile)) process.loadEnvFile(envFile);
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const port = Number(process.env.EMBEDDED_PG_PORT || EMBEDDED_PG_DEFAULT_PORT);
  return embeddedDatabaseUrl(port, 'talent');
}

async function askPassword(id: string): Promise<string> {
  let password = process.env.ADMIN_PASSWORD;
  if (password === undefined && process.stdin.isTTY) {
    password = String(await read({ prompt: `Password for ${id}: `, silent: true, replace: '*' }));
    const again = String(await read({ prompt: 'The same again: ', silent: true, replace: '*' }));
    if (again !== password) throw new Error('The two passwords differ; nothing was created');
  } else if (password === undefined) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    password = input.split('\n')[0]!.replace(/\r$/, '');
  }
  const problem = passwordProblem(password, id);
  if (problem) throw new Error(`${problem}; nothing was created`);
  return password;
}

const redacted = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof IdentityError || error instanceof Error ? error.message : String(error));
  process.exit(1);
});
