import type { Pool } from 'pg';
import { readStreamHead } from './append';
import { PostgresEventStore } from './event-store';
import { type ChainProblem, type StreamHead, walkChain } from './hash-chain';

export interface BrokenLink {
  streamId: string;
  streamVersion: number;
  eventId: string | null;
  globalPosition: bigint | null;
  problem: ChainProblem | 'stream_head_mismatch';
  detail: string;
}

export interface StreamVerification {
  streamId: string;
  eventsVerified: number;
  valid: boolean;
  firstBrokenLink?: BrokenLink;
}

const PAGE = 1000;

/**
 * Recomputes a stream's chain from its first event and names the first link that does not
 * hold: an edited event (its hash no longer matches its content), a removed or reordered one
 * (the next event's previous hash or version breaks), or a truncated tail (the stream's head).
 * Page by page, so that a long stream is never held in memory at once.
 */
export async function verifyStream(pool: Pool, streamId: string): Promise<StreamVerification> {
  // No upcasters: the hashes cover the events as they were written.
  const store = new PostgresEventStore(pool);
  const stored = await readStreamHead(pool, streamId);
  const invalid = (eventsVerified: number, link: Omit<BrokenLink, 'streamId'>): StreamVerification => ({
    streamId,
    eventsVerified,
    valid: false,
    firstBrokenLink: { streamId, ...link },
  });

  let walked: StreamHead = { version: 0, lastHash: null };
  for (;;) {
    const page = await store.readStream(streamId, { fromVersion: walked.version + 1, maxCount: PAGE });
    const { head, broken } = walkChain(streamId, page, walked);
    if (broken) {
      const { event, problem, detail } = broken;
      const { streamVersion, eventId, globalPosition } = event;
      return invalid(head.version, { streamVersion, eventId, globalPosition, problem, detail });
    }
    walked = head;
    if (page.length < PAGE) break;
  }

  if (stored.version !== walked.version || stored.lastHash !== walked.lastHash) {
    return invalid(walked.version, {
      streamVersion: stored.version,
      eventId: null,
      globalPosition: null,
      problem: 'stream_head_mismatch',
      detail: `the stream records version ${stored.version} but ${walked.version} events chain up to it`,
    });
  }
  return { streamId, eventsVerified: walked.version, valid: true };
}
