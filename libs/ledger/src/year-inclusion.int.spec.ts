import { createPublicKey } from 'node:crypto';
import {
  generateSigningKey,
  type JsonObject,
  loadSigningKey,
  PostgresEventStore,
  signStreamExport,
  verifyStreamExport,
} from '@talent/event-store';
import { action, caseStream, closed, objection } from '../../../test/factories/case-events.factory';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import { exportLedger, streamExportLedger } from './ledger-export';
import { LedgerTree } from './ledger-tree';
import { verifyLedgerExport } from './ledger-export-verification';
import { verifyStreamExportLedger } from './offline-verification';
import { loadLedgerSigningKey } from './tree-head';

const KINDS = ['recruitment', 'expert_workstation', 'returning_talent'] as const;

/** A case opened on each day of 2023, its steps following over the next weeks, as the engine writes them. */
function yearOfCases() {
  return Array.from({ length: 365 }, (_, day) => {
    const on = (offset: number) => new Date(Date.UTC(2023, 0, 1 + day + offset)).toISOString().slice(0, 10);
    const steps: Array<{ on: string; type: string; data: JsonObject }> = [
      action(on(3), 'register'),
      action(on(10), 'review'),
    ];
    if (day % 7 === 0) steps.push(objection(on(12)));
    if (day % 3 !== 2) steps.push(closed(on(20), 'hired'));
    return caseStream({ kind: KINDS[day % KINDS.length]!, channel: 'civil_servant', openedOn: on(0), steps });
  });
}

describe('an inclusion proof for every event of a year, verified offline', () => {
  let db: MigratedDatabase;

  beforeAll(async () => {
    db = await createMigratedDatabase('year_inclusion');
  });

  afterAll(async () => {
    await db?.close();
  });

  it('proves each of the year’s events in the head signed after it, stream by stream and as a whole', async () => {
    const store = new PostgresEventStore(db.pool);
    const streams = yearOfCases();
    for (const { streamId, events } of streams) await store.append(streamId, 'no_stream', events);
    const key = loadLedgerSigningKey(generateSigningKey());
    const ledgerKey = createPublicKey(key);
    const auditKey = loadSigningKey(generateSigningKey());
    const auditor = { id: 'auditor-li', role: 'auditor' };
    const head = (await new LedgerTree(db.pool).issueTreeHead(key, () => new Date('2024-01-01T00:00:00.000Z')))!;
    const savedHead: unknown = JSON.parse(JSON.stringify(head));
    const total = streams.reduce((sum, stream) => sum + stream.events.length, 0);

    let proven = 0;
    const failures: unknown[] = [];
    for (const { streamId } of streams) {
      const events = await store.readStream(streamId);
      const ledger = await streamExportLedger(
        db.pool,
        events.map((event) => event.eventId),
        head,
      );
      const exported: unknown = JSON.parse(
        JSON.stringify(signStreamExport({ streamId, events, exportedBy: auditor, ledger }, auditKey)),
      );
      const checked = verifyStreamExportLedger(exported, { ledgerKey, savedHead });
      proven += checked.eventsProven;
      if (!checked.valid || !verifyStreamExport(exported).valid) failures.push({ streamId, checked });
    }

    expect(head.treeSize).toBe(total);
    expect(failures).toEqual([]);
    expect(proven).toBe(total);
    const whole = verifyLedgerExport(JSON.parse(JSON.stringify(await exportLedger(db.pool, head, new Date()))), {
      ledgerKey,
      savedHead,
    });
    expect(whole).toMatchObject({ valid: true, leavesVerified: total, savedHead: { rootMatches: true } });
  });
});
