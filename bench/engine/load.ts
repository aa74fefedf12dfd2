import { readFileSync } from 'node:fs';

export interface LoadResult {
  requests: number;
  failed: number;
  firstFailure?: string;
  p50: number;
  p99: number;
  /** Answered requests per second of wall time. */
  perSecond: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `count` requests from `users` concurrent users, each sending its next as soon as its last was
 * answered (a closed loop, as people at desks work). A failure is counted and the run goes on,
 * so one timeout does not cost a long run.
 */
export async function runLoad(
  count: number,
  users: number,
  request: (user: number) => Promise<unknown>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(users, count) }, async (_, user) => {
      while (next < count) {
        next += 1;
        const before = performance.now();
        try {
          await request(user);
          latencies.push(performance.now() - before);
        } catch (error) {
          failed += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: count,
    failed,
    ...(firstFailure !== undefined && { firstFailure }),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
  };
}

/** Resident and peak resident memory of a process, from Linux's /proc. */
export function processMemory(pid: number): { rssBytes: number; peakBytes: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const bytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rssBytes: bytes('VmRSS'), peakBytes: bytes('VmHWM') };
}
