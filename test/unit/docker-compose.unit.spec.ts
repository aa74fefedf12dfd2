import {
  APP_CONFIG_VARIABLES,
  loadConfig,
  requireApiSecrets,
  requireCommandSigningKey,
  temporalUsesTls,
} from '@talent/platform';
import { allSearchAttributeKeys } from '@talent/workflows/search-attributes';
import { composeFile, interpolate, operatorSecrets, repoFile, requiredVariables } from '../support/compose-file';

const services = composeFile('docker-compose.yml').services;

const engineServices = ['api', 'worker'] as const;

describe('docker-compose.yml agrees with the application', () => {
  it('runs PostgreSQL, Temporal with its schema and namespace jobs, its UI, the migrations, the api and the worker', () => {
    expect(Object.keys(services).sort()).toEqual([
      'api',
      'migrate',
      'postgres',
      'temporal',
      'temporal-namespace',
      'temporal-schema',
      'temporal-ui',
      'worker',
    ]);
  });

  it.each(engineServices)('%s gets a configuration that the app accepts, and nothing it would ignore', (name) => {
    const env = interpolate(services[name]!.environment);
    const config = loadConfig(env);

    const ignored = Object.keys(env).filter((key) => !(APP_CONFIG_VARIABLES as string[]).includes(key));
    expect(ignored).toEqual([]);
    expect(config.NODE_ENV).toBe('production');
  });

  it.each(engineServices)('%s talks to Temporal in plain text unless the mTLS override is added', (name) => {
    expect(temporalUsesTls(loadConfig(interpolate(services[name]!.environment)))).toBe(false);
  });

  it('gives the api its secrets from the environment only, never a default', () => {
    const api = services.api!.environment!;
    for (const name of ['AUTH_TOKEN_SECRET', 'PII_ENCRYPTION_KEY', 'AUDIT_SIGNING_KEY']) {
      expect(api[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
    expect(() => requireApiSecrets(loadConfig(interpolate(api)))).not.toThrow();
  });

  it.each(engineServices)('%s shares the command signing key, from the environment only', (name) => {
    expect(services[name]!.environment!.COMMAND_SIGNING_KEY).toMatch(/^\$\{COMMAND_SIGNING_KEY:\?/);
    expect(() => requireCommandSigningKey(loadConfig(interpolate(services[name]!.environment)))).not.toThrow();
  });

  it('requires exactly the secrets that `npm run secrets:generate` prints', () => {
    const required = new Set(requiredVariables(repoFile('docker-compose.yml')));

    expect([...required].sort()).toEqual(Object.keys(operatorSecrets).sort());
  });

  it.each(engineServices)(
    '%s works as the talent_app login in the talent database, and never holds the owner login',
    (name) => {
      const config = loadConfig(interpolate(services[name]!.environment));
      const postgres = interpolate(services.postgres!.environment);

      expect(config.DATABASE_OWNER_URL).toBeUndefined();
      expect(JSON.stringify(services[name]!.environment)).not.toContain('TALENT_DB_PASSWORD');
      expectLogin(config.DATABASE_URL, 'talent_app', postgres.TALENT_APP_DB_PASSWORD!);
    },
  );

  it('migrates in a one-shot job as the talent login, granting the talent_app login', () => {
    const migrate = services.migrate!;
    // The job reads these two only (tools/stack/migrate.ts), not the engine's whole configuration.
    const environment = interpolate(migrate.environment);
    const postgres = interpolate(services.postgres!.environment);

    expect(migrate.command).toEqual(['node', 'dist/tools/stack/migrate.js']);
    expect(migrate.restart).toBe('no');
    expectLogin(environment.DATABASE_OWNER_URL!, 'talent', postgres.TALENT_DB_PASSWORD!);
    expectLogin(environment.DATABASE_URL!, 'talent_app', postgres.TALENT_APP_DB_PASSWORD!);
  });

  function expectLogin(url: string, login: string, password: string): void {
    const database = new URL(url);
    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    expect(database.username).toBe(login);
    expect(decodeURIComponent(database.password)).toBe(password);
    expect(database.pathname).toBe('/talent');
  }

  it.each(engineServices)(
    '%s waits for the migrations, the database, the Temporal server and its namespace',
    (name) => {
      expect(services[name]!.depends_on).toEqual({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
        'temporal-namespace': { condition: 'service_completed_successfully' },
      });
    },
  );

  it.each(engineServices)('%s uses the address and namespace the namespace job registers', (name) => {
    const config = loadConfig(interpolate(services[name]!.environment));
    const job = interpolate(services['temporal-namespace']!.environment);

    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(job.TEMPORAL_ADDRESS).toBe(config.TEMPORAL_ADDRESS);
    expect(job.TEMPORAL_NAMESPACE).toBe(config.TEMPORAL_NAMESPACE);
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
    expect(services.api!.ports).toEqual([`${config.PORT}:${config.PORT}`]);
  });

  it('points the Temporal UI at the same frontend and namespace the engine uses, and links to it', () => {
    const engine = loadConfig(interpolate(services.worker!.environment));
    const ui = interpolate(services['temporal-ui']!.environment);

    expect(ui.TEMPORAL_ADDRESS).toBe(engine.TEMPORAL_ADDRESS);
    expect(ui.TEMPORAL_DEFAULT_NAMESPACE).toBe(engine.TEMPORAL_NAMESPACE);
    expect(services['temporal-ui']!.ports).toEqual([`${new URL(engine.TEMPORAL_UI_URL!).host}:8080`]);
  });

  it('keeps the search attributes to the worker, which registers them on any cluster at boot', () => {
    const names = allSearchAttributeKeys.map((key) => key.name);

    expect(names).toEqual(expect.arrayContaining(['CaseKind', 'CaseChannel', 'CaseStage', 'CaseStatus', 'CaseYear']));
  });
});
