import { createHash, createPublicKey, randomUUID } from 'node:crypto';
import {
  generateSigningKey,
  loadSigningKey,
  signStreamExport,
  type StreamExportLedger,
  verifyStreamExport,
} from '../../event-store/src/stream-export';
import { eventHash } from '../../event-store/src/hash-chain';
import type { RecordedEvent } from '../../event-store/src/types';
import { consistencyRanges, extendTree, inclusionRanges, leafHash, type NodeId, rangeHash } from './merkle';
import { verifyStreamExportLedger } from './offline-verification';
import { loadLedgerSigningKey, signTreeHead, type TreeHead } from './tree-head';

const ledgerKey = loadLedgerSigningKey(generateSigningKey());
const ledgerPublicKey = createPublicKey(ledgerKey);
const auditKey = loadSigningKey(generateSigningKey());
const auditor = { id: 'auditor-li', role: 'auditor' };

function stream(streamId: string, length: number, firstPosition: number): RecordedEvent[] {
  let previousHash: string | null = null;
  return Array.from({ length }, (_, index) => {
    const fields = {
      streamId,
      streamVersion: index + 1,
      eventId: randomUUID(),
      type: 'ActionTaken',
      schemaVersion: 1,
      data: { step: index },
      metadata: { actor: { id: 'officer-wang', role: 'hr_officer' } },
      occurredAt: new Date(Date.UTC(2025, 2, 3 + index)),
      recordedAt: new Date(Date.UTC(2025, 2, 3 + index, 0, 0, 1)),
    };
    const hash: string = eventHash(previousHash, fields);
    const event = { ...fields, globalPosition: BigInt(firstPosition + index), transactionId: 7n, previousHash, hash };
    previousHash = hash;
    return event;
  });
}

/** The tree an office would hold over `log`, in memory: heads at any size, and the proofs. */
function treeOver(log: RecordedEvent[]) {
  const nodes = new Map(
    extendTree(
      0,
      [],
      log.map((event) => leafHash(Buffer.from(event.hash, 'hex'))),
    ).nodes.map((node) => [`${node.level}/${node.index}`, node.hash]),
  );
  const lookup = (node: NodeId) => nodes.get(`${node.level}/${node.index}`)!;
  const root = (size: number) => rangeHash({ start: 0, end: size }, lookup);
  const hex = (hash: Buffer) => hash.toString('hex');
  return {
    head: (size: number, issuedAt = new Date('2026-03-02T08:00:00.000Z')): TreeHead =>
      signTreeHead({ treeSize: size, rootHash: root(size), issuedAt }, ledgerKey),
    ledgerFor: (events: RecordedEvent[], head: TreeHead, from?: number): StreamExportLedger => ({
      treeHead: head,
      inclusion: events.map((event) => {
        const leafIndex = log.indexOf(event);
        const proof = inclusionRanges(leafIndex, head.treeSize).map((range) => hex(rangeHash(range, lookup)));
        return { leafIndex, proof };
      }),
      consistency:
        from === undefined
          ? null
          : {
              from,
              to: head.treeSize,
              fromRootHash: hex(root(from)),
              toRootHash: head.rootHash,
              proof: consistencyRanges(from, head.treeSize).map((range) => hex(rangeHash(range, lookup))),
            },
    }),
  };
}

const asFile = (document: unknown): unknown => JSON.parse(JSON.stringify(document));

describe('a stream export checked offline against a saved tree head', () => {
  const first = stream('case-a', 3, 1);
  const second = stream('case-b', 4, 4);
  const log = [...first, ...second];
  const tree = treeOver(log);
  const savedHead = asFile(tree.head(3));
  const exportOf = (ledger?: StreamExportLedger) =>
    asFile(
      signStreamExport(
        { streamId: 'case-b', events: second, exportedBy: auditor, ...(ledger && { ledger }) },
        auditKey,
      ),
    );

  it('proves every event in the export’s head, which extends the saved one', () => {
    const exported = exportOf(tree.ledgerFor(second, tree.head(7), 3));

    expect(verifyStreamExport(exported)).toMatchObject({ valid: true, carriesTreeHead: true });
    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: true,
      eventsProven: 4,
      savedHead: { treeSize: 3, signatureValid: true, consistent: true },
    });
  });

  it('still verifies the chain of a version 1 export, and says it carries no tree head', () => {
    const exported = exportOf();

    expect(verifyStreamExport(exported)).toMatchObject({ valid: true, carriesTreeHead: false });
    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      problems: ['the export carries no tree head'],
    });
  });

  it('asks for the consistency proof a newer head needs, naming the saved size', () => {
    const exported = exportOf(tree.ledgerFor(second, tree.head(7)));

    expect(verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      savedHead: { consistent: false },
      problems: [expect.stringContaining('export again with consistencyFrom=3')],
    });
  });

  it('refuses a consistency proof from another tree, and a saved head newer than the export', () => {
    const other = treeOver([...stream('case-x', 3, 1), ...second]);
    const ledger = {
      ...tree.ledgerFor(second, tree.head(7), 3),
      consistency: other.ledgerFor(second, tree.head(7), 3).consistency,
    };

    expect(verifyStreamExportLedger(exportOf(ledger), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      savedHead: { consistent: false },
    });
    const ofFirst = asFile(
      signStreamExport(
        { streamId: 'case-a', events: first, exportedBy: auditor, ledger: tree.ledgerFor(first, tree.head(3)) },
        auditKey,
      ),
    );
    expect(
      verifyStreamExportLedger(ofFirst, { ledgerKey: ledgerPublicKey, savedHead: asFile(tree.head(7)) }),
    ).toMatchObject({ valid: false, problems: [expect.stringContaining('is newer than the export')] });
  });

  it('names the first event whose proof fails, and leaves the head’s signature unchecked without a ledger key', () => {
    const ledger = tree.ledgerFor(second, tree.head(7), 3);
    ledger.inclusion[2]!.proof[0] = createHash('sha256').update('forged').digest('hex');

    expect(verifyStreamExportLedger(exportOf(ledger), { ledgerKey: ledgerPublicKey, savedHead })).toMatchObject({
      valid: false,
      eventsProven: 2,
      firstDifferingEvent: { eventId: second[2]!.eventId, streamVersion: 3, leafIndex: 5 },
    });
    expect(verifyStreamExportLedger(exportOf(tree.ledgerFor(second, tree.head(7))))).toMatchObject({
      valid: true,
      treeHead: { signatureValid: null },
      savedHead: null,
    });
  });

  it('names the malformed field of a damaged saved head', () => {
    const exported = exportOf(tree.ledgerFor(second, tree.head(7), 3));

    expect(
      verifyStreamExportLedger(exported, { ledgerKey: ledgerPublicKey, savedHead: { treeSize: -1, rootHash: 'x' } }),
    ).toMatchObject({ valid: false, problems: [expect.stringContaining('malformed treeSize, rootHash')] });
  });
});
