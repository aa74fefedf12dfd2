import { ConflictException } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  exportedEvent,
  type PostgresEventStore,
  type RecordedEvent,
  type StreamExportLedger,
} from '@talent/event-store';
import { type EvidencedFigure, REPORT_EVIDENCE_FORMAT, type ReportEvidence } from '@talent/ledger';
import { type FactsPage, type StatisticFact, statisticFacts } from '@talent/projections';
import { annualFigures } from '../statistics/annual-figures';
import { linkedFigures } from './annual-report.renderer';

const FACTS_PAGE = 1_000;

type Figure = ReturnType<typeof linkedFigures>[number];

async function allFacts(pool: Pool, year: number, figure: Figure, asOf: Date | undefined): Promise<StatisticFact[]> {
  const facts: StatisticFact[] = [];
  let after: FactsPage['after'];
  for (;;) {
    const page = await statisticFacts(
      pool,
      {
        year,
        metric: figure.metric,
        ...(figure.dimension && { dimension: figure.dimension }),
        ...(figure.cumulative && { cumulative: true }),
        ...(asOf && { asOf }),
      },
      { limit: FACTS_PAGE, ...(after && { after }) },
    );
    facts.push(...page.items);
    const last = page.items.at(-1);
    if (!page.nextCursor || !last) return facts;
    after = [last.occurredAt, last.eventId, last.dimension];
  }
}

/**
 * The evidence behind the annual report's linked figures: every fact each counts, its event as
 * stored (read through a store without upcasters, so the hashes hold) and its inclusion proof
 * in the tree head `prove` signs. The rendered report is unchanged; this is its companion.
 */
export async function reportEvidence(
  pool: Pool,
  store: PostgresEventStore,
  input: { year: number; asOf?: Date; divisionCode: string },
  prove: (eventIds: string[]) => Promise<StreamExportLedger>,
): Promise<ReportEvidence> {
  const stats = await annualFigures(pool, input.year, input);
  const figures = await Promise.all(
    linkedFigures(stats).map(async (figure) => ({
      figure,
      facts: await allFacts(pool, input.year, figure, input.asOf),
    })),
  );
  const streams = new Map<string, Map<string, RecordedEvent>>();
  for (const streamId of new Set(figures.flatMap(({ facts }) => facts.map((fact) => fact.streamId)))) {
    const events = await store.readStream(streamId);
    streams.set(streamId, new Map(events.map((event) => [event.eventId, event])));
  }
  const lost = figures.flatMap(({ facts }) => facts).find((fact) => !streams.get(fact.streamId)!.has(fact.eventId));
  if (lost) {
    throw new ConflictException({
      error: 'COUNTED_EVENT_NOT_IN_LOG',
      message: `The statistics count event ${lost.eventId} of ${lost.streamId}, which the log no longer holds: run GET /audit/verify`,
    });
  }
  const eventIds = [...new Set(figures.flatMap(({ facts }) => facts.map((fact) => fact.eventId)))];
  const ledger = await prove(eventIds);
  const proofs = new Map(eventIds.map((eventId, at) => [eventId, ledger.inclusion[at]!]));
  const evidenced: EvidencedFigure[] = figures.map(({ figure, facts }) => ({
    ...figure,
    facts: facts.map((fact) => {
      const event = streams.get(fact.streamId)!.get(fact.eventId)!;
      return {
        dimension: fact.dimension,
        amount: fact.amount,
        event: { streamId: event.streamId, ...exportedEvent(event) },
        ...proofs.get(fact.eventId)!,
      };
    }),
  }));
  return {
    format: REPORT_EVIDENCE_FORMAT,
    formatVersion: 1,
    year: input.year,
    asOf: stats.asOf,
    generatedAt: new Date().toISOString(),
    treeHead: ledger.treeHead,
    consistency: ledger.consistency,
    figures: evidenced,
  };
}
