import { createPublicKey, type KeyObject } from 'node:crypto';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { type Actor, type CaseSubject, officeDate, toCaseStreamId, toCaseWorkflowId } from '@talent/domain';
import { caseStateOf } from '@talent/activities';
import {
  auditKeyId,
  PostgresEventStore,
  type RecordedEvent,
  signStreamExport,
  type StreamVerification,
  verifyStream,
} from '@talent/event-store';
import { verifyLedger } from '@talent/ledger';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import { REFUSAL_EVENT_TYPE } from '../errors/refusal-log';
import { SubjectPrivacy } from '../personal-data/subject-privacy';
import { LEDGER_SIGNING_KEY } from '../ledger/ledger-signing-key';
import { LedgerService } from '../ledger/ledger.service';
import { AUDIT_SIGNING_KEY } from './audit-signing-key';
import { decodeRefusalCursor, encodeRefusalCursor } from './refusal-cursor';
import type { RefusalsQuery } from './refusals.query';

const STREAMS_PER_PAGE = 500;

/** JSON has no 64-bit integers: global positions travel as strings. */
function present(verification: StreamVerification) {
  const link = verification.firstBrokenLink;
  return {
    ...verification,
    ...(link && { firstBrokenLink: { ...link, globalPosition: link.globalPosition?.toString() ?? null } }),
  };
}
const BROKEN_LISTED = 100;
const MAX_REFUSAL_DAYS = 31;
const DAY_MS = 86_400_000;
const DEFAULT_REFUSALS_PAGE = 100;
const STREAM_PAGE = 5_000;

/** When office day `day` (YYYY-MM-DD) begins: the office keeps China Standard Time (see officeDate). */
function officeDayStart(field: string, day: string): Date {
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || officeDate(start) !== day) {
    throw new BadRequestException([`${field} must be a calendar date, YYYY-MM-DD`]);
  }
  return start;
}

/** The auditor's view of the business log: who did what, in which role, why and when; and is it intact. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKey: KeyObject,
    @Inject(LEDGER_SIGNING_KEY) private readonly ledgerKey: KeyObject,
    private readonly privacy: SubjectPrivacy,
    private readonly ledger: LedgerService,
  ) {}

  /** The case's events for `viewer`; personal data in them is masked unless the viewer handles the case. */
  async history(caseId: string, viewer: Actor) {
    const events = await this.caseEvents(caseId);
    const handlingOfficer = caseStateOf(events)?.handlingOfficer;
    const opened = events[0]!.data as { pipelineId?: string; pipelineVersion?: number };
    const ui = this.config.TEMPORAL_UI_URL;
    const workflowId = toCaseWorkflowId(caseId);
    return {
      caseId,
      pipeline: { id: opened.pipelineId, version: opened.pipelineVersion },
      temporalWorkflow: {
        workflowId,
        namespace: this.config.TEMPORAL_NAMESPACE,
        ...(ui && {
          url: `${ui}/namespaces/${this.config.TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(workflowId)}`,
        }),
      },
      events: events.map((event) => ({
        version: event.streamVersion,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        recordedAt: event.recordedAt.toISOString(),
        actor: event.metadata.actor ?? null,
        reason: event.metadata.reason ?? null,
        data:
          event.type === 'CaseOpened'
            ? {
                ...event.data,
                subject: this.privacy.reveal(
                  caseId,
                  event.data.subject as unknown as CaseSubject,
                  viewer,
                  handlingOfficer,
                ),
              }
            : event.data,
        eventId: event.eventId,
        previousHash: event.previousHash,
        hash: event.hash,
      })),
    };
  }

  /**
   * The case's events exactly as stored (personal data stays ciphertext, so the hashes still
   * hold), with the ledger's head and each event's inclusion proof in it (format 2), signed with
   * the office's Ed25519 key for verification offline.
   */
  async exportCase(caseId: string, exportedBy: Actor, consistencyFrom?: number) {
    const events = await this.caseEvents(caseId);
    const ledger = await this.ledger.streamExportLedger(
      events.map((event) => event.eventId),
      consistencyFrom,
    );
    return signStreamExport({ streamId: toCaseStreamId(caseId), events, exportedBy, ledger }, this.signingKey);
  }

  /** The public half of the export key, for auditors to pin. */
  signingKeyInfo() {
    const publicKey = createPublicKey(this.signingKey);
    return {
      algorithm: 'Ed25519',
      keyId: auditKeyId(publicKey),
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  /**
   * Refused requests between two office days (at most 31), optionally of one actor or one case,
   * a page at a time in the order they occurred; `nextCursor` asks for the next page.
   */
  async refusals(query: RefusalsQuery) {
    const to = query.to ?? officeDate(new Date());
    const from = query.from ?? to;
    const occurredFrom = officeDayStart('from', from);
    const occurredBefore = new Date(officeDayStart('to', to).getTime() + DAY_MS);
    const days = (occurredBefore.getTime() - occurredFrom.getTime()) / DAY_MS;
    if (days < 1) throw new BadRequestException(['from must not be after to']);
    if (days > MAX_REFUSAL_DAYS) throw new BadRequestException([`at most ${MAX_REFUSAL_DAYS} days at a time`]);
    const after = query.cursor === undefined ? undefined : decodeRefusalCursor(query.cursor);
    if (query.cursor !== undefined && !after) {
      throw new BadRequestException(['cursor is not one this api gave out: pass the nextCursor of the previous page']);
    }
    const limit = query.limit ?? DEFAULT_REFUSALS_PAGE;
    const events = await this.store.readByOccurrence({
      type: REFUSAL_EVENT_TYPE,
      occurredFrom,
      occurredBefore,
      after,
      // One more than asked for says whether another page follows.
      limit: limit + 1,
      ...(query.actorId && { metadataContains: { actor: { id: query.actorId } } }),
      ...(query.caseId && { dataContains: { caseId: query.caseId } }),
    });
    const page = events.slice(0, limit);
    return {
      from,
      to,
      items: page.map((event) => ({
        at: event.occurredAt.toISOString(),
        actor: event.metadata.actor ?? null,
        reason: event.metadata.reason ?? null,
        ...event.data,
        eventId: event.eventId,
      })),
      nextCursor: events.length > limit ? encodeRefusalCursor(page.at(-1)!) : null,
    };
  }

  private async caseEvents(caseId: string): Promise<RecordedEvent[]> {
    const events = await this.wholeStream(toCaseStreamId(caseId));
    if (events.length === 0) throw new NotFoundException(`No case ${caseId}`);
    return events;
  }

  /** Every event of a stream, page by page: an audit answer that stops at a page size hides the rest. */
  private async wholeStream(streamId: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (;;) {
      const page = await this.store.readStream(streamId, { fromVersion: events.length + 1, maxCount: STREAM_PAGE });
      events.push(...page);
      if (page.length < STREAM_PAGE) return events;
    }
  }

  async verifyCase(caseId: string) {
    const verification = await verifyStream(this.pool, toCaseStreamId(caseId));
    if (verification.eventsVerified === 0 && verification.valid) throw new NotFoundException(`No case ${caseId}`);
    return present(verification);
  }

  /**
   * Every stream of the store, page by page, with progress in the log for a large store; then the
   * ledger's tree against the log and its latest signed head, which catches what a per-stream
   * chain cannot: a stream rewritten with recomputed hashes, a deleted tail or stream, a reorder.
   */
  async verifyAll() {
    const started = Date.now();
    let streams = 0;
    let events = 0;
    const broken: StreamVerification[] = [];
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<{ stream_id: string }>(
        'SELECT stream_id FROM event_streams WHERE stream_id > $1 ORDER BY stream_id LIMIT $2',
        [after, STREAMS_PER_PAGE],
      );
      for (const { stream_id: streamId } of rows) {
        const verification = await verifyStream(this.pool, streamId);
        streams += 1;
        events += verification.eventsVerified;
        if (!verification.valid) broken.push(verification);
      }
      if (rows.length < STREAMS_PER_PAGE) break;
      after = rows[rows.length - 1]!.stream_id;
      this.logger.log(`audit verification: ${streams} streams, ${events} events so far`);
    }
    const ledger = await verifyLedger(this.pool, this.ledgerKey);
    return {
      valid: broken.length === 0 && ledger.valid,
      streamsVerified: streams,
      eventsVerified: events,
      brokenStreams: broken.length,
      firstBroken: broken.slice(0, BROKEN_LISTED).map(present),
      ledger,
      seconds: (Date.now() - started) / 1000,
    };
  }
}
