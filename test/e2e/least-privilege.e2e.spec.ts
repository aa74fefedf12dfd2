import { Pool } from 'pg';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * The api and the worker as a deployment runs them: migrated first by the owner, then every
 * connection as the app login, which cannot rewrite the event log; the owner's URL is not theirs.
 */
describe('the stack works as the app login', () => {
  let stack: TestStack;
  let owner: Pool;

  beforeAll(async () => {
    stack = await startTestStack('least_privilege');
    owner = new Pool({ connectionString: stack.database.ownerUrl, max: 1 });
  });

  afterAll(async () => {
    await owner?.end();
    await stack?.close();
  });

  it('holds no connection as the owner once booted, and the migrations ran as the owner', async () => {
    const sessions = await owner.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    const owners = await owner.query<{ owner: string }>(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
       WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );

    expect(sessions.rows).toEqual([{ usename: new URL(stack.database.url).username }]);
    expect(owners.rows).toEqual([{ owner: new URL(stack.database.ownerUrl).username }]);
    // The api and the worker run in this process here: its environment is theirs.
    expect(process.env.DATABASE_OWNER_URL).toBeUndefined();
  });
});
