import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCommandSigningKey } from '@talent/activities';
import { generateSigningKey } from '@talent/event-store';
import { PiiCipher } from '@talent/personal-data';

const GENERATORS = {
  AUTH_TOKEN_SECRET: () => randomBytes(32).toString('base64url'),
  PII_ENCRYPTION_KEY: () => PiiCipher.generateKey(),
  AUDIT_SIGNING_KEY: () => generateSigningKey(),
  COMMAND_SIGNING_KEY: () => generateCommandSigningKey(),
  LEDGER_SIGNING_KEY: () => generateSigningKey(),
} as const;

/**
 * Passwords of the docker compose deployment's database logins: the PostgreSQL superuser (used
 * only to create the others), the engine's owner (migrations) and app login, and Temporal's.
 * URL-safe, since they go into DATABASE_OWNER_URL and DATABASE_URL.
 */
const databasePassword = () => randomBytes(32).toString('base64url');
const DATABASE_PASSWORD_GENERATORS = {
  POSTGRES_PASSWORD: databasePassword,
  TALENT_DB_PASSWORD: databasePassword,
  TALENT_APP_DB_PASSWORD: databasePassword,
  TEMPORAL_DB_PASSWORD: databasePassword,
} as const;

/** The logins of `npm start`'s embedded database (ensureEngineLogins), made once like the keys. */
const EMBEDDED_DATABASE_PASSWORD_GENERATORS = {
  EMBEDDED_PG_OWNER_PASSWORD: databasePassword,
  EMBEDDED_PG_APP_PASSWORD: databasePassword,
} as const;

function generateAll<Name extends string>(generators: Record<Name, () => string>): Record<Name, string> {
  return Object.fromEntries(
    Object.entries<() => string>(generators).map(([name, generate]) => [name, generate()]),
  ) as Record<Name, string>;
}

/** A new set of the api's secrets. */
export function generateSecrets(): Record<keyof typeof GENERATORS, string> {
  return generateAll(GENERATORS);
}

/** Every secret docker-compose.yml requires, for a deployment's .env (npm run secrets:generate). */
export function generateDeploymentSecrets(): Record<
  keyof typeof GENERATORS | keyof typeof DATABASE_PASSWORD_GENERATORS,
  string
> {
  return { ...generateAll(DATABASE_PASSWORD_GENERATORS), ...generateAll(GENERATORS) };
}

/**
 * The api's secrets for a machine that runs the whole stack itself: made once, kept beside the
 * embedded database in `dataDir/secrets.env` (readable by this user only), and reused, because
 * personal data encrypted with a key can only be read with that same key. A variable already in
 * the environment wins; production sets all three from its own secret store.
 */
export function ensureLocalSecrets(dataDir: string, env: NodeJS.ProcessEnv): { file: string; created: string[] } {
  const file = path.join(dataDir, 'secrets.env');
  const stored = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  const created: string[] = [];
  for (const [name, generate] of Object.entries({ ...GENERATORS, ...EMBEDDED_DATABASE_PASSWORD_GENERATORS })) {
    if (env[name]) continue;
    if (!stored[name]) {
      stored[name] = generate();
      created.push(name);
    }
    env[name] = stored[name];
  }
  if (created.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    const lines = Object.entries(stored).map(([name, value]) => `${name}=${value}`);
    writeFileSync(
      file,
      `# Made by npm start; back it up with the database. Losing PII_ENCRYPTION_KEY loses the personal data.\n${lines.join('\n')}\n`,
      { mode: 0o600 },
    );
    chmodSync(file, 0o600);
  }
  return { file, created };
}

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) values[match[1]!] = match[2]!;
  }
  return values;
}
