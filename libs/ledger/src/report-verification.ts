import { eventHash } from '../../event-store/src/hash-chain';
import { type ExportedEvent, readExportedEvent, type StreamExportLedger } from '../../event-store/src/stream-export';
import { verifyInclusion } from './merkle';
import {
  bytes,
  extendsSavedHead,
  headCheck,
  isHashList,
  isObject,
  type OfflineOptions,
  readTreeHead,
  type SavedHeadCheck,
  savedHeadOf,
  type HeadCheck,
} from './offline-verification';

export const REPORT_EVIDENCE_FORMAT = 'talent-engine/report-evidence';

/** One counted fact of a figure: the event as stored, what it adds, and its place in the tree. */
export interface EvidencedFact {
  dimension: string;
  amount: number;
  event: ExportedEvent & { streamId: string };
  leafIndex: number;
  proof: string[];
}

/** A number the annual report prints and links, with every fact it counts. */
export interface EvidencedFigure {
  metric: string;
  dimension: string | null;
  cumulative: boolean;
  value: number;
  facts: EvidencedFact[];
}

/**
 * The annual report's evidence: the tree head its figures were computed at and, for every linked
 * figure, the events it counts with their inclusion proofs, to check offline (verifyReportEvidence).
 */
export interface ReportEvidence {
  format: typeof REPORT_EVIDENCE_FORMAT;
  formatVersion: 1;
  year: number;
  asOf: string | null;
  generatedAt: string;
  treeHead: StreamExportLedger['treeHead'];
  consistency: StreamExportLedger['consistency'];
  figures: EvidencedFigure[];
}

export interface ReportCheck {
  valid: boolean;
  treeHead: HeadCheck | null;
  savedHead: SavedHeadCheck | null;
  figuresVerified: number;
  factsProven: number;
  /** The first figure that does not hold, and why: its sum, or the first fact that is not in the tree as it stands. */
  firstDifferingFigure: { metric: string; dimension: string | null; eventId: string | null; detail: string } | null;
  problems: string[];
}

/**
 * Every figure must be the sum of its facts' amounts, every fact's event must hash to its hash
 * and be a leaf of the report's tree head, and that head must extend the saved one. The first
 * figure that fails is named, with the event at fault.
 */
export function verifyReportEvidence(document: unknown, options: OfflineOptions = {}): ReportCheck {
  const problems: string[] = [];
  const failed = (problem: string): ReportCheck => ({
    valid: false,
    treeHead: null,
    savedHead: null,
    figuresVerified: 0,
    factsProven: 0,
    firstDifferingFigure: null,
    problems: [...problems, problem],
  });
  if (!isObject(document) || document.format !== REPORT_EVIDENCE_FORMAT) return failed('this is not report evidence');
  if (document.formatVersion !== 1) return failed(`formatVersion ${String(document.formatVersion)} is not supported`);
  const head = readTreeHead(document.treeHead, "the report's tree head");
  if (typeof head === 'string') return failed(head);
  if (!Array.isArray(document.figures)) return failed('figures must be an array');
  const saved = savedHeadOf(options, problems);
  const treeHead = headCheck(head, options.ledgerKey, "the report's tree head", problems);
  const savedHead = saved && {
    ...headCheck(saved, options.ledgerKey, 'the saved tree head', problems),
    consistent: extendsSavedHead(head, saved, document.consistency, problems),
  };

  let figuresVerified = 0;
  let factsProven = 0;
  let firstDifferingFigure: ReportCheck['firstDifferingFigure'] = null;
  for (const raw of document.figures) {
    const figure = isObject(raw) ? raw : {};
    const name = {
      metric: String(figure.metric),
      dimension: typeof figure.dimension === 'string' ? figure.dimension : null,
    };
    const facts = Array.isArray(figure.facts) ? figure.facts : [];
    let fault: { eventId: string | null; detail: string } | undefined;
    // A fact counts once, and only in its own dimension: else a real event, repeated or taken
    // from another column, could pad a figure.
    const counted = new Set<string>();
    for (const fact of facts) {
      const detail = factProblem(fact, head.treeSize, head.rootHash) ?? countingProblem(fact, name.dimension, counted);
      if (detail) {
        const event = isObject(fact) && isObject(fact.event) ? fact.event : {};
        fault = { eventId: typeof event.eventId === 'string' ? event.eventId : null, detail };
        break;
      }
      factsProven += 1;
    }
    const sum = facts.reduce((total: number, fact) => total + (isObject(fact) ? Number(fact.amount) : NaN), 0);
    if (!fault && sum !== figure.value) {
      fault = { eventId: null, detail: `the report prints ${String(figure.value)}, its facts sum to ${sum}` };
    }
    if (fault) {
      firstDifferingFigure = { ...name, ...fault };
      problems.push(`${name.metric}${name.dimension ? `/${name.dimension}` : ''}: ${fault.detail}`);
      break;
    }
    figuresVerified += 1;
  }
  return {
    valid: problems.length === 0,
    treeHead,
    savedHead: savedHead ?? null,
    figuresVerified,
    factsProven,
    firstDifferingFigure,
    problems,
  };
}

function countingProblem(fact: unknown, dimension: string | null, counted: Set<string>): string | undefined {
  const { event, dimension: factDimension } = fact as { event: { eventId: string }; dimension?: unknown };
  const key = `${event.eventId}\n${String(factDimension)}`;
  if (counted.has(key)) return `event ${event.eventId} is counted twice in this figure`;
  counted.add(key);
  if (dimension !== null && factDimension !== dimension) {
    return `event ${event.eventId} counts for ${String(factDimension)}, not for ${dimension}`;
  }
  return undefined;
}

function factProblem(fact: unknown, treeSize: number, rootHash: string): string | undefined {
  if (!isObject(fact) || !isObject(fact.event) || typeof fact.event.streamId !== 'string') return 'a fact is malformed';
  const event = readExportedEvent(fact.event.streamId, fact.event);
  if (typeof event === 'string') return `event ${String(fact.event.eventId)} is ${event}`;
  if (eventHash(event.previousHash, event) !== event.hash) {
    return `event ${event.eventId} no longer matches its hash: it was edited`;
  }
  const proof = fact.proof;
  const leafIndex = Number.isSafeInteger(fact.leafIndex) ? (fact.leafIndex as number) : -1;
  const holds =
    isHashList(proof) && verifyInclusion(leafIndex, treeSize, bytes(event.hash), proof.map(bytes), bytes(rootHash));
  return holds ? undefined : `event ${event.eventId} is not leaf ${leafIndex} of the tree the report's head signs`;
}
