import { Injectable, Logger } from '@nestjs/common';
import { officeDate, toRefusalStreamId } from '@talent/domain';
import { PostgresEventStore } from '@talent/event-store';
import type { AuthenticatedRequest } from '../identity/authenticated-request';

export const REFUSAL_EVENT_TYPE = 'RequestRefused';

/**
 * Refused requests in the event store, one stream per office day and caller: hash-chained like
 * every other fact, so a deleted or altered refusal is found by GET /audit/verify, and no two
 * callers' refusals wait on one stream's lock.
 */
@Injectable()
export class RefusalLog {
  private readonly logger = new Logger(RefusalLog.name);

  constructor(private readonly store: PostgresEventStore) {}

  async record(
    request: AuthenticatedRequest,
    refusal: { statusCode: number; error: string; message: string | string[] },
  ): Promise<void> {
    const principal = request.principal;
    const caseId = request.path.startsWith('/cases/') ? request.path.split('/')[2] : undefined;
    const body = request.body as { action?: unknown } | undefined;
    const action = typeof body?.action === 'string' ? body.action : undefined;
    const reason = Array.isArray(refusal.message) ? refusal.message.join('; ') : refusal.message;
    const now = new Date();
    try {
      await this.store.append(toRefusalStreamId(officeDate(now), principal?.id), 'any', [
        {
          type: REFUSAL_EVENT_TYPE,
          data: {
            method: request.method,
            path: request.path,
            ...(caseId && { caseId }),
            ...(action && { action }),
            status: refusal.statusCode,
            code: refusal.error,
            address: request.ip ?? null,
          },
          metadata: {
            actor: principal ? { id: principal.id, role: principal.role } : { id: 'anonymous', role: 'none' },
            reason,
          },
          occurredAt: now,
        },
      ]);
    } catch (error) {
      // The refusal stands whether or not its record could be written; the log keeps the trace.
      this.logger.error(`could not record a refusal of ${request.method} ${request.path}: ${String(error)}`);
    }
  }
}
