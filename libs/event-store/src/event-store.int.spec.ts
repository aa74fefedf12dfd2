import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { PostgresEventStore } from './event-store';
import { EventIdConflictError, InvalidEventError, StreamVersionConflictError } from './event-store.errors';
import type { NewEvent } from './types';

const opened = (name: string, eventId?: string): NewEvent => ({
  ...(eventId && { eventId }),
  type: 'CaseOpened',
  data: { name, channel: 'civil_servant' },
  metadata: { actor: { id: 'officer-1', role: 'hr_officer' }, reason: 'new application', correlationId: 'c-1' },
  occurredAt: new Date('2023-03-01T02:00:00Z'),
});
const stageEntered = (stage: string): NewEvent => ({ type: 'StageEntered', data: { stage } });

describe('PostgresEventStore', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createMigratedDatabase('event_store');
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db?.close();
  });

  const newStream = () => `case-${randomUUID()}`;

  describe('append and read', () => {
    it('stores events with versions, both times, metadata and a hash chain', async () => {
      const streamId = newStream();

      const result = await store.append(streamId, 'no_stream', [opened('张三'), stageEntered('qualificationReview')]);
      const events = await store.readStream(streamId);

      expect(result).toMatchObject({ streamId, nextExpectedVersion: 2, alreadyStored: false });
      expect(events.map((event) => [event.streamVersion, event.type])).toEqual([
        [1, 'CaseOpened'],
        [2, 'StageEntered'],
      ]);
      expect(events[0]).toMatchObject({
        data: { name: '张三', channel: 'civil_servant' },
        metadata: { actor: { id: 'officer-1', role: 'hr_officer' }, reason: 'new application', correlationId: 'c-1' },
        occurredAt: new Date('2023-03-01T02:00:00Z'),
        schemaVersion: 1,
        previousHash: null,
      });
      expect(events[1]!.previousHash).toBe(events[0]!.hash);
      expect(events[1]!.globalPosition).toBeGreaterThan(events[0]!.globalPosition);
      expect(result.lastGlobalPosition).toBe(events[1]!.globalPosition);
      expect(await store.streamVersion(streamId)).toBe(2);
    });

    it('continues a stream from its expected version and reads from a version on', async () => {
      const streamId = newStream();
      await store.append(streamId, 'no_stream', [opened('李四')]);

      await store.append(streamId, 1, [stageEntered('writtenExam'), stageEntered('interview')]);

      expect((await store.readStream(streamId, { fromVersion: 2 })).map((event) => event.data)).toEqual([
        { stage: 'writtenExam' },
        { stage: 'interview' },
      ]);
    });

    it('records the stream type from the stream id', async () => {
      const streamId = `plan-${randomUUID()}`;
      await store.append(streamId, 'any', [{ type: 'PlanOpened', data: { year: 2023 } }]);

      const { rows } = await db.pool.query('SELECT stream_type FROM event_streams WHERE stream_id = $1', [streamId]);
      expect(rows).toEqual([{ stream_type: 'plan' }]);
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a wrong expected version with a typed error and writes nothing', async () => {
      const streamId = newStream();
      await store.append(streamId, 'no_stream', [opened('王五')]);

      await expect(store.append(streamId, 0, [stageEntered('x')])).rejects.toBeInstanceOf(StreamVersionConflictError);
      await expect(store.append(streamId, 'no_stream', [stageEntered('x')])).rejects.toMatchObject({
        code: 'STREAM_VERSION_CONFLICT',
        expected: 'no_stream',
        actual: 1,
      });
      await expect(store.append(newStream(), 3, [stageEntered('x')])).rejects.toMatchObject({ actual: null });
      expect(await store.streamVersion(streamId)).toBe(1);
    });

    it('lets exactly one of many concurrent creators of a stream win', async () => {
      const streamId = newStream();

      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, index) => store.append(streamId, 'no_stream', [opened(`candidate ${index}`)])),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(losers).toHaveLength(11);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(StreamVersionConflictError);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('lets exactly one of concurrent writers at the same expected version win', async () => {
      const streamId = newStream();
      await store.append(streamId, 'no_stream', [opened('赵六')]);

      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, index) => store.append(streamId, 1, [stageEntered(`stage-${index}`)])),
      );

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await store.streamVersion(streamId)).toBe(2);
    });
  });

  describe('idempotent retry', () => {
    it('returns the stored result for a retried append and writes nothing twice', async () => {
      const streamId = newStream();
      const events = [opened('钱七', randomUUID()), { ...stageEntered('interview'), eventId: randomUUID() }];

      const first = await store.append(streamId, 'no_stream', events);
      const retry = await store.append(streamId, 'no_stream', events);

      expect(retry).toEqual({ ...first, alreadyStored: true });
      expect(await store.readStream(streamId)).toHaveLength(2);
    });

    it('stores a retried append once even when both attempts run at the same time', async () => {
      const streamId = newStream();
      const events = [opened('孙八', randomUUID())];

      const results = await Promise.all([1, 2, 3].map(() => store.append(streamId, 'no_stream', events)));

      expect(results.filter((result) => !result.alreadyStored)).toHaveLength(1);
      expect(await store.readStream(streamId)).toHaveLength(1);
    });

    it('refuses a retry that does not resend exactly the same events', async () => {
      const streamId = newStream();
      const eventId = randomUUID();
      await store.append(streamId, 'no_stream', [opened('周九', eventId)]);

      await expect(store.append(streamId, 1, [opened('周九', eventId), stageEntered('x')])).rejects.toBeInstanceOf(
        EventIdConflictError,
      );
      await expect(store.append(newStream(), 'no_stream', [opened('周九', eventId)])).rejects.toMatchObject({
        code: 'EVENT_ID_CONFLICT',
      });
      expect(await store.readStream(streamId)).toHaveLength(1);
    });
  });

  describe('input checks', () => {
    it.each([
      ['no events', []],
      ['an empty type', [{ type: '', data: {} }]],
      ['data that is not an object', [{ type: 'X', data: [1, 2] }]],
      ['a malformed event id', [{ type: 'X', data: {}, eventId: 'not-a-uuid' }]],
      ['a NUL character', [{ type: 'X', data: { text: 'a\u0000b' } }]],
      ['an invalid date', [{ type: 'X', data: {}, occurredAt: new Date('nonsense') }]],
    ])('refuses %s before writing anything', async (_, events) => {
      const streamId = newStream();

      await expect(store.append(streamId, 'any', events as NewEvent[])).rejects.toBeInstanceOf(InvalidEventError);
      expect(await store.streamVersion(streamId)).toBe(0);
    });
  });

  describe('reading by occurrence', () => {
    const refused = (by: string, at: string, caseId?: string): NewEvent => ({
      type: 'ProbeRefused',
      data: { ...(caseId && { caseId }) },
      metadata: { actor: { id: by, role: 'hr_officer' } },
      occurredAt: new Date(at),
    });

    it('pages through one type across streams in the order it occurred, ties by global position', async () => {
      const [first, second] = [newStream(), newStream()];
      await store.append(first, 'any', [refused('a', '2026-11-25T02:00:00Z'), refused('a', '2026-11-25T04:00:00Z')]);
      await store.append(second, 'any', [refused('b', '2026-11-25T01:00:00Z'), refused('b', '2026-11-25T02:00:00Z')]);
      await store.append(second, 'any', [refused('b', '2026-11-26T00:00:00Z'), stageEntered('notice')]);
      const query = {
        type: 'ProbeRefused',
        occurredFrom: new Date('2026-11-25T00:00:00Z'),
        occurredBefore: new Date('2026-11-26T00:00:00Z'),
        limit: 3,
      };

      const page = await store.readByOccurrence(query);
      const next = await store.readByOccurrence({ ...query, after: page.at(-1)! });

      const seen = [...page, ...next].map((event) => [event.metadata.actor?.id, event.occurredAt.toISOString()]);
      expect(seen).toEqual([
        ['b', '2026-11-25T01:00:00.000Z'],
        ['a', '2026-11-25T02:00:00.000Z'],
        ['b', '2026-11-25T02:00:00.000Z'],
        ['a', '2026-11-25T04:00:00.000Z'],
      ]);
      expect(page[1]!.globalPosition).toBeLessThan(page[2]!.globalPosition);
    });

    it('keeps only the events whose data and metadata contain what is asked for', async () => {
      const streamId = newStream();
      await store.append(streamId, 'any', [
        refused('c', '2026-10-01T01:00:00Z', 'case-1'),
        refused('d', '2026-10-01T02:00:00Z', 'case-1'),
        refused('c', '2026-10-01T03:00:00Z', 'case-2'),
      ]);
      const day = {
        type: 'ProbeRefused',
        occurredFrom: new Date('2026-10-01T00:00:00Z'),
        occurredBefore: new Date('2026-10-02T00:00:00Z'),
        limit: 10,
      };

      const byCase = await store.readByOccurrence({ ...day, dataContains: { caseId: 'case-1' } });
      const byBoth = await store.readByOccurrence({
        ...day,
        dataContains: { caseId: 'case-1' },
        metadataContains: { actor: { id: 'c' } },
      });

      expect(byCase.map((event) => event.metadata.actor?.id)).toEqual(['c', 'd']);
      expect(byBoth.map((event) => event.occurredAt.toISOString())).toEqual(['2026-10-01T01:00:00.000Z']);
    });
  });

  describe('upcasting', () => {
    it('upgrades an old schema version step by step on read, leaving the stored row as written', async () => {
      const upcasting = new PostgresEventStore(db.pool, {
        upcasters: [
          { eventType: 'ScoreRecorded', fromSchemaVersion: 1, upcast: (data) => ({ ...data, scale: 100 }) },
          {
            eventType: 'ScoreRecorded',
            fromSchemaVersion: 2,
            upcast: ({ score, scale }) => ({ points: score ?? null, outOf: scale ?? null }),
          },
        ],
      });
      const streamId = newStream();
      await store.append(streamId, 'no_stream', [{ type: 'ScoreRecorded', data: { score: 87 } }]);

      const [event] = await upcasting.readStream(streamId);

      expect(event).toMatchObject({ schemaVersion: 3, data: { points: 87, outOf: 100 } });
      expect((await store.readStream(streamId))[0]).toMatchObject({ schemaVersion: 1, data: { score: 87 } });
    });
  });
});
