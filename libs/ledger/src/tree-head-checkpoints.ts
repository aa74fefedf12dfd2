import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import retry from 'async-retry';
import type { TreeHead } from './tree-head';

export interface CheckpointTargets {
  /** One JSON file per head is written here (LEDGER_CHECKPOINT_DIR). */
  directory?: string;
  /** Each head is POSTed here as JSON (LEDGER_WITNESS_URL). */
  witnessUrl?: string;
  /** Attempts after the first; the waits double from `firstWaitMs`. */
  retries?: number;
  firstWaitMs?: number;
}

export interface CheckpointLog {
  log(message: string): void;
  error(message: string): void;
}

/** A witness that answers 4xx (other than 408 and 429) refuses the head: asking again will not help. */
class Refused extends Error {}

/** The name sorts in the order heads were signed, and says which head it holds. */
export function checkpointFileName(head: TreeHead): string {
  return `tree-head-${String(head.treeSize).padStart(15, '0')}-${head.issuedAt.replace(/[:.]/g, '')}.json`;
}

/**
 * Sends each signed tree head out of the database, to a directory (a mounted share, a disk that
 * is copied off-site) and/or a witness URL, so that a later rewrite of the database, tree and
 * heads included, is caught against a copy its holder cannot change. Never throws: a witness
 * that is down is retried with backoff and then logged, and the log is never held up by it.
 */
export class TreeHeadCheckpoints {
  constructor(
    private readonly targets: CheckpointTargets,
    private readonly logger: CheckpointLog,
  ) {}

  async publish(head: TreeHead): Promise<void> {
    await Promise.all([this.writeFile(head), this.postToWitness(head)]);
  }

  private async writeFile(head: TreeHead): Promise<void> {
    const { directory } = this.targets;
    if (!directory) return;
    const file = path.join(directory, checkpointFileName(head));
    try {
      // Written whole, then renamed: a copier never picks up half a head.
      await writeFile(`${file}.partial`, `${JSON.stringify(head, null, 2)}\n`, { mode: 0o444 });
      await rename(`${file}.partial`, file);
      this.logger.log(`tree head ${head.treeSize} written to ${file}`);
    } catch (error) {
      this.logger.error(`writing tree head ${head.treeSize} to ${directory} failed: ${(error as Error).message}`);
    }
  }

  private async postToWitness(head: TreeHead): Promise<void> {
    const url = this.targets.witnessUrl;
    if (!url) return;
    try {
      await retry(
        async (bail) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(head),
            signal: AbortSignal.timeout(10_000),
          });
          if (response.ok) return;
          const failure = `the witness answered ${response.status}`;
          if (response.status < 500 && response.status !== 408 && response.status !== 429) {
            bail(new Refused(failure));
            return;
          }
          throw new Error(failure);
        },
        { retries: this.targets.retries ?? 5, minTimeout: this.targets.firstWaitMs ?? 1_000, factor: 2 },
      );
      this.logger.log(`tree head ${head.treeSize} sent to the witness`);
    } catch (error) {
      this.logger.error(
        `sending tree head ${head.treeSize} to ${new URL(url).origin} failed: ${(error as Error).message}`,
      );
    }
  }
}
