import { composeFile, interpolate, repoFile } from '../support/compose-file';

/**
 * Temporal can start, signal, reset or terminate any case, bypassing every rule and role the api
 * enforces; these specs keep docker-compose.yml from offering it, or the databases, to anyone but
 * the engine.
 */
const compose = composeFile('docker-compose.yml');
const services = compose.services;
const networks = compose.networks ?? {};

const isInternal = (network: string) => networks[network]?.internal === true;
const publishedPorts = () =>
  Object.entries(services).flatMap(([name, service]) => (service.ports ?? []).map((port) => [name, port] as const));

describe('docker-compose.yml keeps Temporal and PostgreSQL to the engine', () => {
  it('runs everything on an internal backend network, and only the api and the UI also elsewhere', () => {
    expect(isInternal('backend')).toBe(true);
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.networks]).toEqual([name, expect.arrayContaining(['backend'])]);
    }
    const reachable = Object.entries(services).filter(([, s]) => (s.networks ?? []).some((n) => !isInternal(n)));
    expect(reachable.map(([name]) => name).sort()).toEqual(['api', 'temporal-ui']);
  });

  it('publishes no Temporal port and nothing of PostgreSQL', () => {
    expect(services.temporal!.ports).toBeUndefined();
    expect(services.postgres!.ports).toBeUndefined();
    expect(
      publishedPorts()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['api', 'temporal-ui']);
    for (const [, port] of publishedPorts()) expect(port).not.toMatch(/:7\d\d\d$|:6\d\d\d$/);
  });

  it('publishes the Temporal UI on the loopback interface only, read-only', () => {
    const ui = services['temporal-ui']!;

    expect(ui.ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:\d+:8080$/)]);
    expect(interpolate(ui.environment).TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  });

  it('publishes ports only from services on a network with a route out', () => {
    for (const [name] of publishedPorts()) {
      expect([name, (services[name]!.networks ?? []).some((n) => !isInternal(n))]).toEqual([name, true]);
    }
  });

  it('gives no password a default: each is required from the environment', () => {
    const secretLike = /PASSWORD|PWD|DATABASE_URL/;
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secretLike.test(key)) expect([name, key, value]).toEqual([name, key, expect.stringMatching(/\$\{\w+:\?/)]);
      }
    }
  });
});

describe('docker-compose.yml gives each service its own database login', () => {
  const postgres = interpolate(services.postgres!.environment);
  const init = repoFile('deploy/postgres/initdb/10-logins.sh');

  it('keeps the superuser for the one-shot init scripts, mounted where the postgres image runs them', () => {
    expect(postgres.POSTGRES_USER).toBe('postgres');
    expect(services.postgres!.volumes).toContain('./deploy/postgres/initdb:/docker-entrypoint-initdb.d:ro');
    for (const [name, service] of Object.entries(services)) {
      const logins = Object.entries(interpolate(service.environment))
        .filter(([key]) => /USER$/.test(key) && key !== 'POSTGRES_USER')
        .map(([, value]) => value);
      expect([name, logins]).toEqual([name, expect.not.arrayContaining(['postgres'])]);
    }
  });

  it.each([
    ['talent', 'TALENT_DB_PASSWORD'],
    ['talent_app', 'TALENT_APP_DB_PASSWORD'],
    ['temporal', 'TEMPORAL_DB_PASSWORD'],
  ])('creates the %s login with no power over roles, databases or replication', (login, password) => {
    expect(init).toMatch(
      new RegExp(
        `CREATE ROLE ${login} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS\\s+PASSWORD :'`,
      ),
    );
    expect(init).toContain(`"\${${password}:?`);
    expect(postgres[password]).toBeTruthy();
  });

  it('makes talent the owner of its database, so that it runs its own migrations', () => {
    expect(init).toMatch(/CREATE DATABASE talent OWNER talent;/);
  });

  it('lets talent_app connect to the talent database and nothing more: the migrations grant the rest', () => {
    expect(init).toContain('GRANT CONNECT, TEMPORARY ON DATABASE talent TO talent_app;');
    expect(init.match(/GRANT .* TO talent_app/g)).toHaveLength(1);
  });

  it("makes temporal the owner of Temporal's databases, and keeps each login out of the other's", () => {
    const temporal = interpolate(services.temporal!.environment);

    expect(init).toContain(`CREATE DATABASE ${temporal.DBNAME} OWNER temporal;`);
    expect(init).toContain(`CREATE DATABASE ${temporal.VISIBILITY_DBNAME} OWNER temporal;`);
    expect(init).toMatch(/REVOKE ALL ON DATABASE postgres, talent, temporal, temporal_visibility FROM PUBLIC;/);
  });
});

describe('docker-compose.yml runs Temporal from the server image, its schema set up by a job', () => {
  const temporal = services.temporal!;
  const schemaJob = services['temporal-schema']!;
  const server = interpolate(temporal.environment);
  const job = interpolate(schemaJob.environment);

  it('uses temporalio/server and admin-tools of one 1.29 line, not the deprecated auto-setup image', () => {
    expect(temporal.image).toMatch(/^temporalio\/server:1\.29\.\d+$/);
    const version = temporal.image!.split(':')[1]!;
    expect(schemaJob.image).toMatch(new RegExp(`^temporalio/admin-tools:${version.replace(/\./g, '\\.')}(-|$)`));
    expect(services['temporal-namespace']!.image).toBe(schemaJob.image);
    expect(repoFile('docker-compose.yml')).not.toContain('auto-setup:');
  });

  it('starts the server only after the schema job has succeeded, and the job once PostgreSQL is up', () => {
    expect(temporal.depends_on).toEqual({ 'temporal-schema': { condition: 'service_completed_successfully' } });
    expect(schemaJob.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('gives the server and the job the same login and databases on the compose PostgreSQL', () => {
    expect(server).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres', POSTGRES_USER: 'temporal' });
    expect(job).toMatchObject({ SQL_PLUGIN: 'postgres12', SQL_HOST: 'postgres', SQL_USER: 'temporal' });
    expect(job.SQL_PASSWORD).toBe(server.POSTGRES_PWD);
    expect(server.POSTGRES_PWD).toBe(interpolate(services.postgres!.environment).TEMPORAL_DB_PASSWORD);
    expect([job.DBNAME, job.VISIBILITY_DBNAME]).toEqual([server.DBNAME, server.VISIBILITY_DBNAME]);
  });

  it('creates and migrates both stores with the schemas shipped in the admin-tools image', () => {
    const [mount] = schemaJob.volumes!;
    const [source, target] = mount!.split(':');
    const script = repoFile(source!);

    expect(schemaJob.entrypoint).toEqual(['/bin/sh', target]);
    expect(script).toContain('temporal-sql-tool --db "$DBNAME" setup-schema -v 0.0');
    expect(script).toContain('temporal-sql-tool --db "$DBNAME" update-schema -d "$schemas/temporal/versioned"');
    expect(script).toContain('temporal-sql-tool --db "$VISIBILITY_DBNAME" setup-schema -v 0.0');
    expect(script).toContain(
      'temporal-sql-tool --db "$VISIBILITY_DBNAME" update-schema -d "$schemas/visibility/versioned"',
    );
    expect(script).toContain('schemas=/etc/temporal/schema/postgresql/v12');
  });

  it('registers the namespace with a job that runs once the server answers', () => {
    const namespaceJob = services['temporal-namespace']!;
    const [mount] = namespaceJob.volumes!;
    const [source, target] = mount!.split(':');

    expect(namespaceJob.depends_on).toEqual({ temporal: { condition: 'service_healthy' } });
    expect(namespaceJob.entrypoint).toEqual(['/bin/sh', target]);
    expect(repoFile(source!)).toContain('temporal operator namespace create');
  });
});
