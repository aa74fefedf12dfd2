import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { PostgresEventStore } from './event-store';
import { walkChain } from './hash-chain';
import { verifyStream } from './hash-chain-verification';

describe('the per-stream hash chain', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('hash_chain');
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db?.close();
  });

  async function streamOfFive(): Promise<string> {
    const streamId = `case-${randomUUID()}`;
    await store.append(streamId, 'no_stream', [
      { type: 'CaseOpened', data: { name: '张三' }, metadata: { actor: { id: 'officer-1', role: 'hr_officer' } } },
      { type: 'ScoreRecorded', data: { written: 81.5 } },
    ]);
    await store.append(streamId, 2, [
      { type: 'ScoreRecorded', data: { interview: 88 } },
      { type: 'ApprovalGranted', data: {}, metadata: { actor: { id: 'leader-1', role: 'approver' } } },
      { type: 'CaseClosed', data: { outcome: 'hired' } },
    ]);
    return streamId;
  }

  it('verifies an untouched stream', async () => {
    const streamId = await streamOfFive();

    expect(await verifyStream(db.pool, streamId)).toEqual({ streamId, eventsVerified: 5, valid: true });
  });

  it('names the edited event when a row’s data is changed by SQL', async () => {
    const streamId = await streamOfFive();
    await db.pool.query(`UPDATE events SET data = '{"interview": 98}' WHERE stream_id = $1 AND stream_version = 3`, [
      streamId,
    ]);

    const result = await verifyStream(db.pool, streamId);

    expect(result).toMatchObject({
      valid: false,
      eventsVerified: 2,
      firstBrokenLink: { streamId, streamVersion: 3, problem: 'hash_mismatch' },
    });
  });

  it('detects a changed actor, occurrence time or type just the same', async () => {
    for (const tamper of [
      `metadata = jsonb_set(metadata, '{actor,id}', '"officer-2"')`,
      `occurred_at = occurred_at - interval '1 day'`,
      `event_type = 'ApprovalRefused'`,
    ]) {
      const streamId = await streamOfFive();
      await db.pool.query(`UPDATE events SET ${tamper} WHERE stream_id = $1 AND stream_version = 4`, [streamId]);

      expect((await verifyStream(db.pool, streamId)).firstBrokenLink).toMatchObject({
        streamVersion: 4,
        problem: 'hash_mismatch',
      });
    }
  });

  it('detects an event removed from the middle', async () => {
    const streamId = await streamOfFive();
    await db.pool.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 2', [streamId]);

    expect((await verifyStream(db.pool, streamId)).firstBrokenLink).toMatchObject({
      streamVersion: 3,
      problem: 'version_gap',
    });
  });

  it('detects a forged event whose own hash was recomputed, at the link that follows it', async () => {
    const streamId = await streamOfFive();
    await db.pool.query(
      `UPDATE events SET data = '{"written": 95}', hash = repeat('0', 64) WHERE stream_id = $1 AND stream_version = 2`,
      [streamId],
    );

    expect((await verifyStream(db.pool, streamId)).firstBrokenLink).toMatchObject({ streamVersion: 2 });
  });

  it('detects a truncated tail against the stream head', async () => {
    const streamId = await streamOfFive();
    await db.pool.query('DELETE FROM events WHERE stream_id = $1 AND stream_version = 5', [streamId]);

    expect((await verifyStream(db.pool, streamId)).firstBrokenLink).toMatchObject({
      problem: 'stream_head_mismatch',
      streamVersion: 5,
    });
  });

  it('carries the walk from page to page of a stream longer than a page', async () => {
    const streamId = `case-${randomUUID()}`;
    const notes = Array.from({ length: 2500 }, (_, index) => ({ type: 'NoteAdded', data: { index } }));
    await store.append(streamId, 'no_stream', notes);
    const intact = await verifyStream(db.pool, streamId);
    await db.pool.query(`UPDATE events SET data = '{"index": 0}' WHERE stream_id = $1 AND stream_version = 2001`, [
      streamId,
    ]);

    expect(intact).toEqual({ streamId, eventsVerified: 2500, valid: true });
    expect(await verifyStream(db.pool, streamId)).toMatchObject({
      eventsVerified: 2000,
      firstBrokenLink: { streamVersion: 2001, problem: 'hash_mismatch' },
    });
  });

  it('names an event of another stream', async () => {
    const events = await store.readStream(await streamOfFive());

    expect(walkChain('case-another', events).broken).toMatchObject({ problem: 'wrong_stream', event: events[0] });
  });
});
