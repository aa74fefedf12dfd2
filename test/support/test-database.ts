import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type TestLogin, testServicesFromEnv } from '../setup/test-services';

export interface TestDatabase {
  /** As the app login (DATABASE_URL): append and read events, write read models. */
  url: string;
  /** As the owner (DATABASE_OWNER_URL): migrations, rebuilds, and specs that tamper on purpose. */
  ownerUrl: string;
  /** As the server's superuser, as the specs' pools were before there were two logins. */
  superuserUrl: string;
  /** The app login's role, to which the migrations grant its privileges. */
  appRole: string;
  name: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServicesFromEnv().adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function urlOf(name: string, login?: TestLogin): string {
  const url = new URL(testServicesFromEnv().adminUrl);
  url.pathname = `/${name}`;
  if (login) {
    url.username = login.role;
    url.password = login.password;
  }
  return url.toString();
}

/**
 * A fresh, empty database per spec file, so specs never see each other's rows; owned by the
 * run's owner login, and reachable by its app login, as a deployment's database is.
 */
export async function createTestDatabase(label = 'spec'): Promise<TestDatabase> {
  const { owner, app } = testServicesFromEnv();
  const name = `talent_${label.replace(/\W/g, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    await client.query(`CREATE DATABASE "${name}" OWNER ${owner.role}`);
    await client.query(`REVOKE ALL ON DATABASE "${name}" FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE "${name}" TO ${app.role}`);
  });
  return {
    url: urlOf(name, app),
    ownerUrl: urlOf(name, owner),
    superuserUrl: urlOf(name),
    appRole: app.role,
    name,
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
