import { createPublicKey, type KeyObject } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  exportLedger,
  LedgerError,
  type LedgerErrorCode,
  type LedgerExport,
  LedgerTree,
  ledgerKeyId,
  streamExportLedger,
  type TreeHead,
  TreeHeadCheckpoints,
} from '@talent/ledger';
import type { StreamExportLedger } from '@talent/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { LEDGER_SIGNING_KEY } from './ledger-signing-key';
import type { ConsistencyProofQuery, InclusionProofQuery, TreeHeadsQuery } from './ledger.queries';

/** The one place where a ledger refusal becomes an HTTP status. */
const STATUS_OF: Record<LedgerErrorCode, 400 | 404> = {
  EVENT_NOT_IN_LEDGER: 404,
  NO_TREE_HEAD: 404,
  EVENT_AFTER_TREE_SIZE: 400,
  TREE_SIZE_BEYOND_LEDGER: 400,
  INVALID_TREE_RANGE: 400,
};

async function answered<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    const body = { error: error.code, message: error.message };
    throw STATUS_OF[error.code] === 404 ? new NotFoundException(body) : new BadRequestException(body);
  }
}

@Injectable()
export class LedgerService {
  private readonly tree: LedgerTree;
  private readonly checkpoints: TreeHeadCheckpoints;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LEDGER_SIGNING_KEY) private readonly key: KeyObject,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tree = new LedgerTree(pool);
    this.checkpoints = new TreeHeadCheckpoints(
      { directory: config.LEDGER_CHECKPOINT_DIR, witnessUrl: config.LEDGER_WITNESS_URL },
      new Logger(LedgerService.name),
    );
  }

  publicKey() {
    return {
      algorithm: 'Ed25519',
      keyId: ledgerKeyId(this.key),
      publicKey: createPublicKey(this.key).export({ type: 'spki', format: 'pem' }).toString(),
      signs:
        'RFC 6962 TreeHeadSignature: version 0, signature type 1, timestamp (uint64 ms), tree size (uint64), root hash (32 bytes)',
    };
  }

  async issueTreeHead(): Promise<TreeHead> {
    const head = (await this.tree.issueTreeHead(this.key, () => new Date()))!;
    // The caller is not kept waiting while a witness that is down is retried; publish never throws.
    void this.checkpoints.publish(head);
    return head;
  }

  /**
   * A head over every event the tree can take now: a new one if the log has grown since the
   * latest, so that an export's events are all in the head it carries.
   */
  async currentTreeHead(): Promise<TreeHead> {
    const issued = await this.tree.issueTreeHead(this.key, () => new Date(), { whenGrown: true });
    if (!issued) return (await this.tree.latestTreeHead())!;
    void this.checkpoints.publish(issued);
    return issued;
  }

  /** Every leaf of the tree beside the log's event at its place, to verify offline against a saved head. */
  async exportLedger(): Promise<LedgerExport> {
    return exportLedger(this.pool, await this.currentTreeHead(), new Date());
  }

  /**
   * The ledger part of a stream export. An event the tree has not taken yet (its transaction
   * committed behind an older one still open) is a moment's wait, not a fault: 409, export again.
   */
  async streamExportLedger(eventIds: readonly string[], consistencyFrom?: number): Promise<StreamExportLedger> {
    const head = await this.currentTreeHead();
    const notYetTaken = (error: unknown) =>
      error instanceof LedgerError && (error.code === 'EVENT_NOT_IN_LEDGER' || error.code === 'EVENT_AFTER_TREE_SIZE');
    return answered(
      streamExportLedger(this.pool, eventIds, head, consistencyFrom).catch((error: unknown) => {
        if (!notYetTaken(error)) throw error;
        throw new ConflictException({
          error: 'EVENTS_NOT_YET_IN_LEDGER',
          message: 'The ledger has not yet taken the latest events of this case: export again in a moment',
        });
      }),
    );
  }

  latestTreeHead(): Promise<TreeHead> {
    return answered(
      this.tree.latestTreeHead().then((head) => {
        if (!head) throw new LedgerError('NO_TREE_HEAD', 'No tree head has been signed yet');
        return head;
      }),
    );
  }

  treeHeads(query: TreeHeadsQuery) {
    return this.tree.treeHeads({
      ...(query.from && { from: new Date(query.from) }),
      ...(query.to && { to: new Date(query.to) }),
      ...(query.cursor && { after: query.cursor }),
      limit: query.limit ?? 100,
    });
  }

  inclusionProof(query: InclusionProofQuery) {
    return answered(this.tree.inclusionProof(query.eventId.toLowerCase(), query.treeSize));
  }

  consistencyProof(query: ConsistencyProofQuery) {
    return answered(this.tree.consistencyProof(query.from, query.to));
  }
}
