import { randomUUID } from 'node:crypto';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { PostgresEventStore } from './event-store';
import { EventSubscription } from './event-subscription';

describe('EventSubscription', () => {
  let db: MigratedDatabase;

  beforeAll(async () => {
    db = await createMigratedDatabase('subscription');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('wakes a waiting reader when events are appended, long before the poll interval', async () => {
    const subscription = new EventSubscription(db.pool, { pollIntervalMs: 30_000 });
    await subscription.start();
    try {
      const started = Date.now();
      const woken = subscription.waitForEvents();
      await new PostgresEventStore(db.pool).append(`case-${randomUUID()}`, 'no_stream', [{ type: 'X', data: {} }]);
      await woken;

      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await subscription.stop();
    }
  });

  it('falls back to polling when no notification comes', async () => {
    const subscription = new EventSubscription(db.pool, { pollIntervalMs: 50 });
    await subscription.start();
    try {
      await expect(subscription.waitForEvents()).resolves.toBeUndefined();
    } finally {
      await subscription.stop();
    }
  });
});
