import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { toCaseStreamId } from '@talent/domain';
import { PostgresEventStore, type StreamVerification, verifyStream } from '@talent/event-store';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';

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

/** The auditor's view of the business log: who did what, in which role, why and when; and is it intact. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(
    private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async history(caseId: string) {
    const events = await this.store.readStream(toCaseStreamId(caseId));
    if (events.length === 0) throw new NotFoundException(`No case ${caseId}`);
    const opened = events[0]!.data as { pipelineId?: string; pipelineVersion?: number };
    const ui = this.config.TEMPORAL_UI_URL;
    return {
      caseId,
      pipeline: { id: opened.pipelineId, version: opened.pipelineVersion },
      temporalWorkflow: {
        workflowId: caseId,
        namespace: this.config.TEMPORAL_NAMESPACE,
        ...(ui && {
          url: `${ui}/namespaces/${this.config.TEMPORAL_NAMESPACE}/workflows/${encodeURIComponent(caseId)}`,
        }),
      },
      events: events.map((event) => ({
        version: event.streamVersion,
        type: event.type,
        occurredAt: event.occurredAt.toISOString(),
        recordedAt: event.recordedAt.toISOString(),
        actor: event.metadata.actor ?? null,
        reason: event.metadata.reason ?? null,
        data: event.data,
        eventId: event.eventId,
        previousHash: event.previousHash,
        hash: event.hash,
      })),
    };
  }

  async verifyCase(caseId: string) {
    const verification = await verifyStream(this.pool, toCaseStreamId(caseId));
    if (verification.eventsVerified === 0 && verification.valid) throw new NotFoundException(`No case ${caseId}`);
    return present(verification);
  }

  /** Every stream of the store, page by page, with progress in the log for a large store. */
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
    return {
      valid: broken.length === 0,
      streamsVerified: streams,
      eventsVerified: events,
      brokenStreams: broken.length,
      firstBroken: broken.slice(0, BROKEN_LISTED).map(present),
      seconds: (Date.now() - started) / 1000,
    };
  }
}
