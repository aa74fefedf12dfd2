import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode, isDomainErrorCode } from '@talent/domain';

/** The one place where a broken rule becomes an HTTP status. */
const STATUS_OF: Record<DomainErrorCode, HttpStatus> = {
  ROLE_NOT_ALLOWED: HttpStatus.FORBIDDEN,
  APPROVER_IS_SUBMITTER: HttpStatus.FORBIDDEN,
  CASE_NOT_OPEN: HttpStatus.CONFLICT,
  CASE_ALREADY_OPENED: HttpStatus.CONFLICT,
  CASE_SUSPENDED: HttpStatus.CONFLICT,
  STAGE_DOES_NOT_ACCEPT_ACTION: HttpStatus.CONFLICT,
  NO_NOTICE_RUNNING: HttpStatus.CONFLICT,
  NO_OBJECTION_OPEN: HttpStatus.CONFLICT,
  OBJECTION_ALREADY_OPEN: HttpStatus.CONFLICT,
  QUOTA_EXHAUSTED: HttpStatus.CONFLICT,
  FUND_EXHAUSTED: HttpStatus.CONFLICT,
  NOTHING_TO_RELEASE: HttpStatus.CONFLICT,
  PLAN_ALREADY_EXISTS: HttpStatus.CONFLICT,
  OUTCOME_NOT_ALLOWED: HttpStatus.BAD_REQUEST,
  INVALID_PAYLOAD: HttpStatus.BAD_REQUEST,
  OCCURRED_IN_FUTURE: HttpStatus.UNPROCESSABLE_ENTITY,
  BACKDATED_TOO_FAR: HttpStatus.UNPROCESSABLE_ENTITY,
  PIPELINE_NOT_FOUND: HttpStatus.UNPROCESSABLE_ENTITY,
};

export function ruleOf(error: unknown): { code: DomainErrorCode; message: string } | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type))
    return { code: cause.type, message: cause.message };
  return undefined;
}

@Catch(DomainError, WorkflowUpdateFailedError, WorkflowNotFoundError)
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);

  catch(error: Error, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof WorkflowNotFoundError) {
      response.status(HttpStatus.NOT_FOUND).json({ statusCode: 404, error: 'NOT_FOUND', message: error.message });
      return;
    }
    const rule = ruleOf(error);
    if (!rule) {
      this.logger.error(`update failed: ${error.message}`);
      response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' });
      return;
    }
    const status = STATUS_OF[rule.code];
    response.status(status).json({ statusCode: status, error: rule.code, message: rule.message });
  }
}
