import type { KeyObject } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { LedgerTree, loadLedgerSigningKey, TreeHeadCheckpoints } from '@talent/ledger';
import { APP_CONFIG, type AppConfig, PG_POOL, requireLedgerSigningKey } from '@talent/platform';

/**
 * Extends the ledger's Merkle tree and signs a tree head every LEDGER_TREE_HEAD_INTERVAL_SECONDS,
 * if events were appended since the last head. Safe in any number of workers: the tree is
 * extended under one lock, and a head is not signed twice for the same size. Each head is also
 * sent out of the database (LEDGER_CHECKPOINT_DIR, LEDGER_WITNESS_URL); appends never wait for it.
 */
@Injectable()
export class TreeHeadService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TreeHeadService.name);
  private readonly stop = new AbortController();
  private readonly tree: LedgerTree;
  private readonly key: KeyObject;
  private readonly checkpoints: TreeHeadCheckpoints;
  private running?: Promise<void>;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.tree = new LedgerTree(pool);
    this.key = loadLedgerSigningKey(requireLedgerSigningKey(config));
    this.checkpoints = new TreeHeadCheckpoints(
      { directory: config.LEDGER_CHECKPOINT_DIR, witnessUrl: config.LEDGER_WITNESS_URL },
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    this.running = this.keepSigning();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async keepSigning(): Promise<void> {
    const interval = this.config.LEDGER_TREE_HEAD_INTERVAL_SECONDS * 1000;
    while (!this.stop.signal.aborted) {
      try {
        const head = await this.tree.issueTreeHead(this.key, () => new Date(), { whenGrown: true });
        if (head) {
          this.logger.log(`signed tree head: ${head.treeSize} events, root ${head.rootHash}`);
          await this.checkpoints.publish(head);
        }
      } catch (error) {
        // A failed round is retried at the next interval, never allowed to take the worker down.
        this.logger.error(`signing a tree head failed: ${(error as Error).message}`);
      }
      await sleep(interval, undefined, { signal: this.stop.signal }).catch(() => undefined);
    }
  }
}
