import { randomBytes, randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { PostgresEventStore } from './event-store';
import { canonicalEvent, sha256Hex } from './hash-chain';
import { verifyStream } from './hash-chain-verification';

describe('the event log as the database keeps it', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  // A role with every table privilege but ownership, as an application login might be granted.
  const appRole = `talent_app_spec_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createMigratedDatabase('append_only');
    store = new PostgresEventStore(db.pool);
    await db.pool.query(`CREATE ROLE ${appRole} NOLOGIN`);
    await db.pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON events, event_streams TO ${appRole}`);
    // The migrations grant the append function to the app login alone, not to every role.
    await db.pool.query(`GRANT EXECUTE ON FUNCTION append_events TO ${appRole}`);
  });

  afterAll(async () => {
    if (db) {
      await db.pool.query(`DROP OWNED BY ${appRole}`);
      await db.pool.query(`DROP ROLE ${appRole}`);
      await db.close();
    }
  });

  async function asAppRole<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await db.pool.connect();
    try {
      await client.query(`SET ROLE ${appRole}`);
      return await work(client);
    } finally {
      await client.query('RESET ROLE');
      client.release();
    }
  }

  async function streamOfTwo(): Promise<string> {
    const streamId = `case-${randomUUID()}`;
    await store.append(streamId, 'no_stream', [
      { type: 'CaseOpened', data: { name: '张三' } },
      { type: 'ScoreRecorded', data: { written: 81.5 } },
    ]);
    return streamId;
  }

  describe('refuses to rewrite it, for every role but its owner', () => {
    it.each([
      ['an UPDATE of an event', `UPDATE events SET data = '{}' WHERE stream_id = $1`],
      ['a DELETE of an event', 'DELETE FROM events WHERE stream_id = $1 AND stream_version = 2'],
      ['an UPDATE of a stream head', 'UPDATE event_streams SET version = 1 WHERE stream_id = $1'],
      ['a DELETE of a stream head', 'DELETE FROM event_streams WHERE stream_id = $1'],
    ])('%s', async (_, statement) => {
      const streamId = await streamOfTwo();

      await expect(asAppRole((client) => client.query(statement, [streamId]))).rejects.toMatchObject({
        code: '42501',
        message: expect.stringContaining('the event log is append-only'),
      });
      expect(await verifyStream(db.pool, streamId)).toMatchObject({ valid: true, eventsVerified: 2 });
    });

    it('a TRUNCATE', async () => {
      await expect(asAppRole((client) => client.query('TRUNCATE events CASCADE'))).rejects.toMatchObject({
        code: '42501',
      });
    });
  });

  it('lets a role without any write privilege append through the append function', async () => {
    await db.pool.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON events, event_streams FROM ${appRole}`);
    const streamId = `case-${randomUUID()}`;

    await asAppRole(async (client) => {
      await client.query('BEGIN');
      await store.appendWithin(client, streamId, 'no_stream', [{ type: 'CaseOpened', data: {} }]);
      await client.query('COMMIT');
      await expect(client.query(`INSERT INTO event_streams VALUES ('x', 'x', 0)`)).rejects.toMatchObject({
        code: '42501',
      });
    });
    expect(await verifyStream(db.pool, streamId)).toMatchObject({ valid: true, eventsVerified: 1 });
  });

  describe('hashes each event itself and refuses a claimed hash that differs', () => {
    const recordedAt = new Date('2026-03-02T08:00:00.000Z');
    const event = (streamId: string, streamVersion: number) => ({
      streamId,
      streamVersion,
      eventId: randomUUID(),
      type: 'ScoreRecorded',
      schemaVersion: 1,
      data: { interview: 88 },
      metadata: {},
      occurredAt: recordedAt,
      recordedAt,
    });

    async function appendRaw(streamId: string, canonical: string, hash: string, eventId: string) {
      const { rows } = await db.pool.query<{ version: number; last_hash: string }>(
        'SELECT version, last_hash FROM event_streams WHERE stream_id = $1',
        [streamId],
      );
      return db.pool.query(`SELECT * FROM append_events($1, 'case', -1, $2, $3, $4::uuid[], $5::text[], $6::text[])`, [
        streamId,
        rows[0]!.version,
        rows[0]!.last_hash,
        [eventId],
        [canonical],
        [hash],
      ]);
    }

    it('a hash that is not the hash of the event', async () => {
      const streamId = await streamOfTwo();
      const { rows } = await db.pool.query<{ hash: string }>(
        'SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 2',
        [streamId],
      );
      const forged = event(streamId, 3);
      const canonical = canonicalEvent(rows[0]!.hash, forged);

      await expect(appendRaw(streamId, canonical, sha256Hex(`${canonical} `), forged.eventId)).rejects.toMatchObject({
        code: '22023',
        message: expect.stringContaining('does not hash to the hash claimed for it'),
      });
    });

    it('an event that starts a chain of its own', async () => {
      const streamId = await streamOfTwo();
      const forged = event(streamId, 3);
      const canonical = canonicalEvent(null, forged);

      await expect(appendRaw(streamId, canonical, sha256Hex(canonical), forged.eventId)).rejects.toMatchObject({
        message: expect.stringContaining('does not chain to the hash of the event before it'),
      });
    });

    it('an event that claims another place in the stream', async () => {
      const streamId = await streamOfTwo();
      const { rows } = await db.pool.query<{ hash: string }>(
        'SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 1',
        [streamId],
      );
      const forged = event(streamId, 2);
      const canonical = canonicalEvent(rows[0]!.hash, forged);

      await expect(appendRaw(streamId, canonical, sha256Hex(canonical), forged.eventId)).rejects.toMatchObject({
        message: expect.stringContaining('is not the next version'),
      });
    });

    it('stores exactly the canonical text it hashed', async () => {
      const streamId = await streamOfTwo();
      const { rows } = await db.pool.query<{ hash: string }>(
        'SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 2',
        [streamId],
      );
      const next = event(streamId, 3);
      const canonical = canonicalEvent(rows[0]!.hash, next);

      await appendRaw(streamId, canonical, sha256Hex(canonical), next.eventId);

      expect(await verifyStream(db.pool, streamId)).toMatchObject({ valid: true, eventsVerified: 3 });
    });
  });
});
