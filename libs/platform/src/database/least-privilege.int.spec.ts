import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { generateSigningKey, PostgresEventStore, verifyStream } from '@talent/event-store';
import { LedgerTree, loadLedgerSigningKey } from '@talent/ledger';
import { activityByDayProjection, ProjectionRunner } from '@talent/projections';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';

/**
 * What the api's and the worker's login (DATABASE_URL) may do once the owner's migrations have
 * granted it its privileges: append through append_events, read, keep the read models and the
 * ledger's tree; and never rewrite, bypass or reshape the event log.
 */
describe('the app login, as the migrations grant it', () => {
  let db: MigratedDatabase;
  let app: Pool;
  let streamId: string;

  beforeAll(async () => {
    db = await createMigratedDatabase('least_privilege');
    app = new Pool({ connectionString: db.url, max: 4 });
    streamId = `case-${randomUUID()}`;
    await new PostgresEventStore(app).append(streamId, 'no_stream', [
      { type: 'CaseOpened', data: { name: '张三' } },
      { type: 'ScoreRecorded', data: { written: 81.5 } },
    ]);
  });

  afterAll(async () => {
    await app?.end();
    await db?.close();
  });

  it('is the login the spec connects as, and owns nothing', async () => {
    const { rows } = await app.query<{ user: string; owned: string }>(
      `SELECT current_user AS user, count(*) FILTER (WHERE pg_has_role(current_user, relowner, 'USAGE')) AS owned
       FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
    );
    expect(rows[0]).toEqual({ user: db.appRole, owned: '0' });
  });

  it('appends through the append function, and the database hashes what it stored', async () => {
    expect(await verifyStream(app, streamId)).toMatchObject({ valid: true, eventsVerified: 2 });
  });

  it.each([
    ['UPDATE an event', `UPDATE events SET data = '{}' WHERE stream_id = $1`],
    ['DELETE an event', 'DELETE FROM events WHERE stream_id = $1'],
    ['UPDATE a stream head', 'UPDATE event_streams SET version = 1 WHERE stream_id = $1'],
    ['DELETE a stream head', 'DELETE FROM event_streams WHERE stream_id = $1'],
    [
      'INSERT an event bypassing the append function',
      `INSERT INTO events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                           occurred_at, recorded_at, hash)
       VALUES ($1, 3, gen_random_uuid(), 'CaseClosed', 1, '{}', '{}', now(), now(), 'forged')`,
    ],
    [
      'INSERT a stream head',
      `INSERT INTO event_streams (stream_id, stream_type, version) VALUES ($1 || '-x', 'case', 0)`,
    ],
  ])('may not %s', async (_, statement) => {
    await expect(app.query(statement, [streamId])).rejects.toMatchObject({ code: '42501' });
  });

  it.each([
    'TRUNCATE events CASCADE',
    'TRUNCATE event_streams CASCADE',
    'ALTER TABLE events DISABLE TRIGGER events_append_only',
    'ALTER TABLE events ADD COLUMN note text',
    'DROP TABLE events CASCADE',
    'DROP FUNCTION append_events',
    'UPDATE ledger_nodes SET hash = hash',
    'DELETE FROM ledger_leaves',
    'DELETE FROM ledger_tree_heads',
    'TRUNCATE ledger_nodes',
    `DELETE FROM schema_migrations WHERE name LIKE 'CreateLedger%'`,
    'CREATE TABLE events_copy (LIKE events)',
  ])('may not %s', async (statement) => {
    await expect(app.query(statement)).rejects.toMatchObject({ code: '42501' });
  });

  it('extends the ledger and signs its heads', async () => {
    const tree = new LedgerTree(app);
    const key = loadLedgerSigningKey(generateSigningKey());
    // The tree takes events in the gap-safe order, which waits for transactions still open anywhere
    // on the server: another spec's, on a busy machine.
    const deadline = Date.now() + 30_000;
    let head = await tree.issueTreeHead(key, () => new Date());
    while (head?.treeSize !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      head = await tree.issueTreeHead(key, () => new Date());
    }

    expect(head).toMatchObject({ treeSize: 2 });
  });

  it('reaches a table the owner creates later, as a projection rebuild swaps one in', async () => {
    const owner = new Pool({ connectionString: db.ownerUrl, max: 1 });
    try {
      await owner.query('CREATE TABLE activity_by_day_rebuilt (LIKE activity_by_day INCLUDING ALL)');
    } finally {
      await owner.end();
    }

    await expect(app.query('SELECT count(*) FROM activity_by_day_rebuilt')).resolves.toMatchObject({
      rows: [{ count: '0' }],
    });
  });

  it('keeps the read models, which are derived from the events', async () => {
    const runner = new ProjectionRunner(app, new PostgresEventStore(app), activityByDayProjection, { batchSize: 10 });

    expect(await runner.catchUp()).toBe(2);
  });
});
