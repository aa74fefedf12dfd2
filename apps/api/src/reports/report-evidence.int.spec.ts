import { createPublicKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSigningKey, PostgresEventStore } from '@talent/event-store';
import {
  LedgerTree,
  loadLedgerSigningKey,
  streamExportLedger,
  type TreeHead,
  verifyReportEvidence,
} from '@talent/ledger';
import { annualStatisticsProjection, ProjectionRunner } from '@talent/projections';
import { action, caseStream, closed } from '../../../../test/factories/case-events.factory';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { rewriteWithRecomputedHashes } from '../../../../test/support/superuser-tampers';
import { verifyExportOffline } from '../../../../test/support/verify-export-command';
import { reportEvidence } from './report-evidence';

/** Three civil servants and one campus teacher recruited in 2023, counted by the statistics projection. */
function recruitedIn2023() {
  const hired = (channel: string) =>
    caseStream({
      kind: 'recruitment',
      channel,
      openedOn: '2023-03-01',
      steps: [action('2023-08-01', 'report'), closed('2023-09-01', 'hired')],
    });
  return [hired('civil_servant'), hired('civil_servant'), hired('civil_servant'), hired('campus_teacher')];
}

describe('the annual report’s evidence, verified offline against a head saved before', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  const key = loadLedgerSigningKey(generateSigningKey());
  const ledgerKey = createPublicKey(key);
  let streams: Array<{ streamId: string }>;
  let savedHead: unknown;
  let head: TreeHead;

  beforeEach(async () => {
    db = await createMigratedDatabase('report_evidence');
    store = new PostgresEventStore(db.pool);
    const generated = recruitedIn2023();
    streams = generated;
    for (const { streamId, events } of generated) await store.append(streamId, 'no_stream', events);
    await new ProjectionRunner(db.pool, store, annualStatisticsProjection).catchUp();
    head = (await new LedgerTree(db.pool).issueTreeHead(key, () => new Date('2024-01-02T00:00:00.000Z')))!;
    savedHead = JSON.parse(JSON.stringify(head));
  });

  afterEach(async () => {
    await db?.close();
  });

  const evidence = async () =>
    JSON.parse(
      JSON.stringify(
        await reportEvidence(db.pool, store, { year: 2023, divisionCode: '530000' }, (eventIds) =>
          streamExportLedger(db.pool, eventIds, head),
        ),
      ),
    ) as unknown;

  it('proves every fact of every linked figure, and that each figure is the sum of its facts', async () => {
    const checked = verifyReportEvidence(await evidence(), { ledgerKey, savedHead });

    expect(checked).toMatchObject({
      valid: true,
      savedHead: { consistent: true, signatureValid: true },
      factsProven: 4,
      firstDifferingFigure: null,
    });
    expect(checked.figuresVerified).toBeGreaterThanOrEqual(4);
  });

  it('names the figure and the event a superuser rewrote with recomputed hashes', async () => {
    const [rewritten] = streams;
    const events = await rewriteWithRecomputedHashes(db.pool, store, rewritten!.streamId, (event) =>
      event.type === 'ActionTaken' ? { ...event.data, payload: { reportedOn: '2023-07-01' } } : event.data,
    );

    const tampered = await evidence();
    const folder = await mkdtemp(path.join(tmpdir(), 'report-'));
    const [file, headFile, keyFile] = ['evidence.json', 'head.json', 'ledger.pem'].map((name) =>
      path.join(folder, name),
    );
    await writeFile(file!, JSON.stringify(tampered));
    await writeFile(headFile!, JSON.stringify(savedHead));
    await writeFile(keyFile!, ledgerKey.export({ type: 'spki', format: 'pem' }).toString());
    const command = await verifyExportOffline(file!, '--tree-head', headFile!, '--ledger-key', keyFile!);
    await rm(folder, { recursive: true });

    expect(command.status).toBe(1);
    expect(command.output).toMatch(
      /first differing +recruited\/civil_servant \(event [0-9a-f-]+\): event .* is not leaf/,
    );
    expect(verifyReportEvidence(tampered, { ledgerKey, savedHead })).toMatchObject({
      valid: false,
      firstDifferingFigure: {
        metric: 'recruited',
        dimension: 'civil_servant',
        // Recruited counts the day the recruit reported for duty (报到).
        eventId: events.find((event) => event.type === 'ActionTaken')!.eventId,
      },
    });
  });

  it('refuses a figure padded with a real event twice, or with one of another dimension', async () => {
    type Figure = { metric: string; dimension: string | null; value: number; facts: Array<{ amount: number }> };
    const document = (await evidence()) as { figures: Figure[] };
    const padded = structuredClone(document);
    const first = padded.figures[0]!;
    first.facts.push(first.facts[0]!);
    first.value += first.facts[0]!.amount;
    const borrowed = structuredClone(document);
    const other = borrowed.figures.find(
      (figure) => figure.dimension && figure.dimension !== first.dimension && figure.facts.length > 0,
    );

    expect(verifyReportEvidence(padded, { ledgerKey, savedHead })).toMatchObject({
      valid: false,
      problems: [expect.stringContaining('is counted twice in this figure')],
    });
    expect(other).toBeDefined();
    const target = borrowed.figures[0]!;
    target.facts.push(other!.facts[0]!);
    target.value += other!.facts[0]!.amount;
    expect(verifyReportEvidence(borrowed, { ledgerKey, savedHead })).toMatchObject({
      valid: false,
      problems: [expect.stringContaining(`not for ${target.dimension}`)],
    });
  });

  it('names a figure the printed value of which is not the sum of its facts', async () => {
    const document = (await evidence()) as { figures: Array<{ value: number }> };
    document.figures[0]!.value += 1;

    expect(verifyReportEvidence(document, { ledgerKey, savedHead })).toMatchObject({
      valid: false,
      firstDifferingFigure: { metric: 'recruited', dimension: 'civil_servant', eventId: null },
      problems: [expect.stringContaining('the report prints 4, its facts sum to 3')],
    });
  });
});
