import { createPublicKey, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  generateSigningKey,
  loadSigningKey,
  PostgresEventStore,
  signStreamExport,
  verifyStreamExport,
} from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../test/support/migrated-database';
import {
  deleteStream,
  deleteTail,
  rewriteWithRecomputedHashes,
  swapInGlobalOrder,
} from '../../../test/support/superuser-tampers';
import { verifyExportOffline } from '../../../test/support/verify-export-command';
import { exportLedger, streamExportLedger } from './ledger-export';
import { LedgerTree } from './ledger-tree';
import { verifyLedgerExport } from './ledger-export-verification';
import { verifyStreamExportLedger } from './offline-verification';
import { loadLedgerSigningKey, type TreeHead } from './tree-head';
import { TreeHeadCheckpoints } from './tree-head-checkpoints';

/**
 * The offline verifier as an auditor uses it: a tree head saved as a checkpoint file before the
 * superuser's tamper, exports made from the database after it, and nothing else but the
 * ledger's public key. Every export travels as JSON text, as it would on a USB stick.
 */
describe('verifying exports offline against a tree head saved before a tamper', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  let tree: LedgerTree;
  let checkpointDir: string;
  const ledgerKey = loadLedgerSigningKey(generateSigningKey());
  const auditKey = loadSigningKey(generateSigningKey());
  const ledgerPublicKey = createPublicKey(ledgerKey);
  const auditor = { id: 'auditor-li', role: 'auditor' };
  let clock = Date.parse('2026-03-02T08:00:00.000Z');
  const now = () => new Date((clock += 60_000));
  const asFile = (document: unknown): unknown => JSON.parse(JSON.stringify(document));

  beforeEach(async () => {
    db = await createMigratedDatabase('offline_verification');
    store = new PostgresEventStore(db.pool);
    tree = new LedgerTree(db.pool);
    checkpointDir = await mkdtemp(path.join(tmpdir(), 'checkpoints-'));
  });

  afterEach(async () => {
    await db?.close();
    await rm(checkpointDir, { recursive: true, force: true });
  });

  async function appendStreams(count: number): Promise<string[]> {
    const streams = Array.from({ length: count }, () => `case-${randomUUID()}`);
    for (const streamId of streams) {
      await store.append(streamId, 'no_stream', [
        { type: 'CaseOpened', data: { name: '张三' } },
        { type: 'ScoreRecorded', data: { written: 81.5 } },
        { type: 'CaseClosed', data: { outcome: 'hired' } },
      ]);
    }
    return streams;
  }

  /** Signs a head and keeps it as the office does, in LEDGER_CHECKPOINT_DIR; returns the file as read back. */
  async function savedCheckpoint(): Promise<unknown> {
    const head = (await tree.issueTreeHead(ledgerKey, now))!;
    const silent = { log: () => undefined, error: () => undefined };
    await new TreeHeadCheckpoints({ directory: checkpointDir }, silent).publish(head);
    const [file] = (await readdir(checkpointDir))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse();
    return JSON.parse(await readFile(path.join(checkpointDir, file!), 'utf8'));
  }

  async function latestHead(): Promise<TreeHead> {
    return (await tree.issueTreeHead(ledgerKey, now, { whenGrown: true })) ?? (await tree.latestTreeHead())!;
  }

  async function streamExport(streamId: string, consistencyFrom?: number) {
    const events = await store.readStream(streamId);
    const ledger = await streamExportLedger(
      db.pool,
      events.map((event) => event.eventId),
      await latestHead(),
      consistencyFrom,
    );
    return asFile(signStreamExport({ streamId, events, exportedBy: auditor, ledger }, auditKey));
  }

  async function ledgerExport() {
    return asFile(await exportLedger(db.pool, await latestHead(), now()));
  }

  it('finds an untouched log and a stream export valid against a head saved before later events', async () => {
    const [first] = await appendStreams(3);
    const savedHead = await savedCheckpoint();
    await appendStreams(2);

    const exported = await streamExport(first!, 9);

    expect(verifyStreamExport(exported)).toMatchObject({ valid: true, carriesTreeHead: true });
    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead })).toEqual({
      valid: true,
      treeHead: expect.objectContaining({ treeSize: 15, signatureValid: true }),
      savedHead: expect.objectContaining({ treeSize: 9, signatureValid: true, consistent: true }),
      eventsProven: 3,
      firstDifferingEvent: null,
      problems: [],
    });
    expect(verifyLedgerExport(await ledgerExport(), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: true,
      leavesVerified: 15,
      savedHead: { treeSize: 9, signatureValid: true, rootMatches: true },
      firstDifferingLeaf: null,
    });
  });

  it('names the first event of a stream rewritten with recomputed hashes, in its export and in the log', async () => {
    const [, rewritten] = await appendStreams(3);
    const savedHead = await savedCheckpoint();
    const events = await rewriteWithRecomputedHashes(db.pool, store, rewritten!);

    const exported = await streamExport(rewritten!);

    expect(verifyStreamExport(exported)).toMatchObject({ valid: true, chainValid: true });
    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      savedHead: { consistent: true },
      eventsProven: 1,
      firstDifferingEvent: { eventId: events[1]!.eventId, streamVersion: 2, leafIndex: 4 },
    });
    expect(verifyLedgerExport(await ledgerExport(), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      savedHead: { rootMatches: true },
      firstDifferingLeaf: { leafIndex: 4, problem: 'hash_differs', treeEventId: events[1]!.eventId },
    });
  });

  it('names the first leaf of a deleted tail, though the stream’s own export still verifies', async () => {
    const [first] = await appendStreams(3);
    const savedHead = await savedCheckpoint();
    const deleted = await deleteTail(db.pool, store, first!);

    expect(verifyStreamExport(await streamExport(first!))).toMatchObject({ valid: true });
    expect(verifyLedgerExport(await ledgerExport(), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      leavesVerified: 2,
      firstDifferingLeaf: { leafIndex: 2, problem: 'event_differs', treeEventId: deleted.eventId },
    });
  });

  it('names the first leaf of a deleted stream', async () => {
    const [, deleted] = await appendStreams(3);
    const savedHead = await savedCheckpoint();
    const opened = await deleteStream(db.pool, store, deleted!);

    expect(verifyLedgerExport(await ledgerExport(), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      firstDifferingLeaf: { leafIndex: 3, problem: 'event_differs', treeEventId: opened.eventId },
    });
  });

  it('has the command an auditor runs name the same leaf, from the files alone', async () => {
    const [, deleted] = await appendStreams(3);
    await savedCheckpoint();
    const opened = await deleteStream(db.pool, store, deleted!);
    const [exportFile, keyFile] = [path.join(checkpointDir, 'ledger.json.export'), path.join(checkpointDir, 'key.pem')];
    await writeFile(exportFile, JSON.stringify(await ledgerExport()));
    await writeFile(keyFile, ledgerPublicKey.export({ type: 'spki', format: 'pem' }).toString());
    const [checkpoint] = (await readdir(checkpointDir)).filter((name) => name.startsWith('tree-head-'));

    const checked = await verifyExportOffline(
      exportFile,
      '--tree-head',
      path.join(checkpointDir, checkpoint!),
      '--ledger-key',
      keyFile,
    );

    expect(checked.status).toBe(1);
    expect(checked.output).toContain(`leaf 3 (the tree's event ${opened.eventId}): the log holds event`);
    expect(checked.output).toMatch(/\nINVALID$/m);
  });

  it('names the first of two reordered events', async () => {
    const [first, second] = await appendStreams(3);
    const savedHead = await savedCheckpoint();
    const [, , closed] = await store.readStream(first!);
    const [opened] = await store.readStream(second!);
    await swapInGlobalOrder(db.pool, closed!, opened!);

    expect(verifyLedgerExport(await ledgerExport(), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      firstDifferingLeaf: {
        leafIndex: 2,
        problem: 'event_differs',
        treeEventId: closed!.eventId,
        logEventId: opened!.eventId,
      },
    });
  });

  it('refuses a saved head the ledger key did not sign, and an export whose head another key signed', async () => {
    const [first] = await appendStreams(1);
    const savedHead = (await savedCheckpoint()) as TreeHead;
    const exported = await streamExport(first!);
    const otherKey = createPublicKey(loadLedgerSigningKey(generateSigningKey()));

    expect(verifyStreamExportLedger(exported, { ledgerKey: otherKey, savedHead })).toMatchObject({
      valid: false,
      treeHead: { signatureValid: false },
      savedHead: { signatureValid: false },
    });
    const forged = { ...savedHead, rootHash: 'f'.repeat(64) };
    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead: forged })).toMatchObject({
      valid: false,
      savedHead: { signatureValid: false, consistent: false },
    });
  });
});
