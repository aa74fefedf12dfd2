import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateSecrets } from '@talent/local-stack';
import { APP_CONFIG_VARIABLES, loadConfig, requireApiSecrets } from '@talent/platform';
import { allSearchAttributeKeys } from '@talent/workflows/search-attributes';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(readFileSync(path.join(__dirname, '../../docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

const secrets = generateSecrets();

/**
 * Compose's `${VAR:-default}` with the defaults, as `docker compose` resolves it with nothing
 * set, and its required `${VAR:?message}` with the values an operator would put in .env.
 */
function interpolate(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value)
        .replace(/\$\{(\w+):-([^}]*)\}/g, '$2')
        .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => secrets[name as keyof typeof secrets]),
    ]),
  );
}

const engineServices = ['api', 'worker'] as const;

describe('docker-compose.yml agrees with the application', () => {
  it('runs PostgreSQL, Temporal, its UI, the api and the worker', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it.each(engineServices)('%s gets a configuration that the app accepts, and nothing it would ignore', (name) => {
    const env = interpolate(services[name]!.environment);
    const config = loadConfig(env);

    const ignored = Object.keys(env).filter((key) => !(APP_CONFIG_VARIABLES as string[]).includes(key));
    expect(ignored).toEqual([]);
    expect(config.NODE_ENV).toBe('production');
  });

  it('gives the api its secrets from the environment only, never a default', () => {
    const api = services.api!.environment!;
    for (const name of ['AUTH_TOKEN_SECRET', 'PII_ENCRYPTION_KEY', 'AUDIT_SIGNING_KEY']) {
      expect(api[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
    expect(() => requireApiSecrets(loadConfig(interpolate(api)))).not.toThrow();
  });

  it.each(engineServices)('%s reaches the compose PostgreSQL with its credentials and database', (name) => {
    const database = new URL(loadConfig(interpolate(services[name]!.environment)).DATABASE_URL);
    const postgres = interpolate(services.postgres!.environment);

    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    expect(database.username).toBe(postgres.POSTGRES_USER);
    expect(database.password).toBe(postgres.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);
  });

  it.each(engineServices)('%s reaches the compose Temporal server and waits for it and the database', (name) => {
    const config = loadConfig(interpolate(services[name]!.environment));

    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services.temporal!.ports).toContain('7233:7233');
    expect(services[name]!.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      temporal: { condition: 'service_healthy' },
    });
  });

  it('runs the api and the worker from the compiled entry points of one image', () => {
    expect(services.api!.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(services.worker!.command).toEqual(['node', 'dist/apps/worker/src/main.js']);
    expect(services.api!.build).toBe('.');
    expect(services.worker!.build).toBe('.');
  });

  it('publishes the api on the port it listens on, bound to all interfaces inside the container', () => {
    const config = loadConfig(interpolate(services.api!.environment));

    expect(config.HOST).toBe('0.0.0.0');
    expect(services.api!.ports).toContain(`${config.PORT}:${config.PORT}`);
  });

  it('gives Temporal PostgreSQL persistence on the compose database server', () => {
    const temporal = interpolate(services.temporal!.environment);
    const postgres = interpolate(services.postgres!.environment);

    expect(temporal.DB).toBe('postgres12');
    expect(temporal.POSTGRES_SEEDS).toBe('postgres');
    expect(temporal.POSTGRES_USER).toBe(postgres.POSTGRES_USER);
    expect(temporal.POSTGRES_PWD).toBe(postgres.POSTGRES_PASSWORD);
    expect(services.temporal!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
  });

  it('points the Temporal UI at the same frontend and namespace the engine uses', () => {
    const engine = loadConfig(interpolate(services.worker!.environment));

    expect(services['temporal-ui']!.environment?.TEMPORAL_ADDRESS).toBe(engine.TEMPORAL_ADDRESS);
    expect(interpolate(services.temporal!.environment).DEFAULT_NAMESPACE).toBe(engine.TEMPORAL_NAMESPACE);
  });

  it('keeps the search attributes to the worker, which registers them on any cluster at boot', () => {
    const names = allSearchAttributeKeys.map((key) => key.name);

    expect(names).toEqual(expect.arrayContaining(['CaseKind', 'CaseChannel', 'CaseStage', 'CaseStatus', 'CaseYear']));
  });
});
