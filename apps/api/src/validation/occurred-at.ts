import { BadRequestException } from '@nestjs/common';
import { DomainError } from '@talent/domain';

const CLOCK_SKEW_MS = 60_000;

/** Offices enter facts late but never early, and only so late (BACKDATE_LIMIT_DAYS). */
export function officeOccurredAt(given: string | undefined, backdateLimitDays: number): string {
  const now = Date.now();
  if (given === undefined) return new Date(now).toISOString();
  const at = Date.parse(given);
  if (Number.isNaN(at)) throw new BadRequestException(['occurredAt must be a date and time (RFC 3339)']);
  if (at > now + CLOCK_SKEW_MS) throw new DomainError('OCCURRED_IN_FUTURE', 'occurredAt is in the future.');
  if (at < now - backdateLimitDays * 86_400_000) {
    throw new DomainError(
      'BACKDATED_TOO_FAR',
      `occurredAt is more than ${backdateLimitDays} days ago (BACKDATE_LIMIT_DAYS).`,
    );
  }
  return new Date(at).toISOString();
}
