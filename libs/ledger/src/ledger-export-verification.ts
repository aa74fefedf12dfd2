import { type ChainedEvent, eventHash, type StreamHead, walkChain } from '../../event-store/src/hash-chain';
import { readExportedEvent } from '../../event-store/src/stream-export';
import type { LeafProblem } from './ledger-verification';
import { leafHash, RootAccumulator } from './merkle';
import {
  bytes,
  headCheck,
  type HeadCheck,
  isHash,
  isObject,
  type OfflineOptions,
  readTreeHead,
  savedHeadOf,
} from './offline-verification';

export const LEDGER_EXPORT_FORMAT = 'talent-engine/ledger-export';

export interface LedgerCheck {
  valid: boolean;
  treeHead: HeadCheck | null;
  savedHead: (HeadCheck & { rootMatches: boolean }) | null;
  leavesVerified: number;
  firstDifferingLeaf: {
    leafIndex: number;
    problem: LeafProblem | 'content_differs';
    treeEventId: string;
    logEventId: string | null;
    detail: string;
  } | null;
  problems: string[];
}

/**
 * A whole-log export (LEDGER_EXPORT_FORMAT): the tree's leaves, whose root must be the saved
 * head's (at its size) and the export's head's, beside the log's events in their global order
 * now. What a stream export cannot show, a deleted tail or stream or two reordered events, shows
 * here as the first leaf whose event differs.
 */
export function verifyLedgerExport(document: unknown, options: OfflineOptions = {}): LedgerCheck {
  const problems: string[] = [];
  const failed = (problem: string): LedgerCheck => ({
    valid: false,
    treeHead: null,
    savedHead: null,
    leavesVerified: 0,
    firstDifferingLeaf: null,
    problems: [...problems, problem],
  });
  if (!isObject(document) || document.format !== LEDGER_EXPORT_FORMAT) return failed('this is not a ledger export');
  if (document.formatVersion !== 1) return failed(`formatVersion ${String(document.formatVersion)} is not supported`);
  const head = readTreeHead(document.treeHead, "the export's tree head");
  if (typeof head === 'string') return failed(head);
  const { leaves } = document;
  if (!Array.isArray(leaves) || leaves.length !== head.treeSize) {
    return failed(`leaves must hold the ${head.treeSize} leaves of the export's head`);
  }
  const saved = savedHeadOf(options, problems);
  const treeHead = headCheck(head, options.ledgerKey, "the export's tree head", problems);
  if (saved && saved.treeSize > head.treeSize) {
    return failed(`the saved head (size ${saved.treeSize}) is newer than the export's (size ${head.treeSize})`);
  }

  const accumulator = new RootAccumulator();
  const streams = new Map<string, StreamHead>();
  let savedRoot = saved?.treeSize === 0 ? accumulator.root() : undefined;
  let firstDifferingLeaf: LedgerCheck['firstDifferingLeaf'] = null;
  for (const [at, raw] of leaves.entries()) {
    if (!isObject(raw) || raw.leafIndex !== at || !isHash(raw.leafHash) || typeof raw.eventId !== 'string') {
      return failed(`leaf ${at} is malformed: it needs leafIndex ${at}, eventId and leafHash`);
    }
    accumulator.pushLeafHash(bytes(raw.leafHash));
    if (saved && accumulator.size === saved.treeSize) savedRoot = accumulator.root();
    if (firstDifferingLeaf) continue;
    const problem = leafProblem(raw as { leafHash: string; eventId: string; event: unknown }, streams);
    if (problem) {
      const event = raw.event;
      firstDifferingLeaf = {
        leafIndex: at,
        ...problem,
        treeEventId: raw.eventId,
        logEventId: isObject(event) && typeof event.eventId === 'string' ? event.eventId : null,
      };
    }
  }
  if (accumulator.root().toString('hex') !== head.rootHash) {
    problems.push("the leaves do not hash to the export's head's root: the export was altered");
  }
  const savedHead = saved && {
    ...headCheck(saved, options.ledgerKey, 'the saved tree head', problems),
    rootMatches: savedRoot?.toString('hex') === saved.rootHash,
  };
  if (savedHead && !savedHead.rootMatches) {
    problems.push(
      `the tree's first ${saved.treeSize} leaves do not hash to the saved head's root: the tree itself was rewritten`,
    );
  }
  if (firstDifferingLeaf) {
    const { leafIndex, treeEventId, detail } = firstDifferingLeaf;
    problems.push(`leaf ${leafIndex} (the tree's event ${treeEventId}): ${detail}`);
  }
  return {
    valid: problems.length === 0,
    treeHead,
    savedHead: savedHead ?? null,
    leavesVerified: firstDifferingLeaf?.leafIndex ?? leaves.length,
    firstDifferingLeaf,
    problems,
  };
}

/** How the log's event at a leaf differs from what the tree took there, if it does. */
function leafProblem(
  leaf: { leafHash: string; eventId: string; event: unknown },
  streams: Map<string, StreamHead>,
): { problem: LeafProblem | 'content_differs'; detail: string } | undefined {
  const raw = leaf.event;
  if (raw === null || raw === undefined) {
    return { problem: 'event_missing', detail: 'the log has run out of events here: its tail was deleted' };
  }
  const streamId = isObject(raw) && typeof raw.streamId === 'string' ? raw.streamId : '';
  if (!streamId) return { problem: 'event_differs', detail: "the log's event has no streamId" };
  const event = readExportedEvent(streamId, raw);
  if (typeof event === 'string') return { problem: 'event_differs', detail: `the log's event is ${event}` };
  if (event.eventId !== leaf.eventId) {
    return {
      problem: 'event_differs',
      detail: `the log holds event ${event.eventId} here: the tree's event was deleted or moved`,
    };
  }
  if (!leafHash(bytes(event.hash)).equals(bytes(leaf.leafHash))) {
    return { problem: 'hash_differs', detail: 'the event was rewritten: its hash is not the one the tree took' };
  }
  return chainProblem(event, streams);
}

function chainProblem(
  event: ChainedEvent,
  streams: Map<string, StreamHead>,
): { problem: 'content_differs'; detail: string } | undefined {
  if (eventHash(event.previousHash, event) !== event.hash) {
    return { problem: 'content_differs', detail: 'the event was edited: its content no longer matches its hash' };
  }
  const { head, broken } = walkChain(event.streamId, [event], streams.get(event.streamId));
  if (broken) return { problem: 'content_differs', detail: `stream ${event.streamId}: ${broken.detail}` };
  streams.set(event.streamId, head);
  return undefined;
}
