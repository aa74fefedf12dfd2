import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Response } from 'express';
import { DomainError, type DomainErrorCode, isDomainErrorCode } from '@talent/domain';
import { IdentityError, type IdentityErrorCode } from '@talent/identity';
import type { AuthenticatedRequest } from '../identity/authenticated-request';
import { RefusalLog } from './refusal-log';

/** The one place where a broken rule becomes an HTTP status. */
const STATUS_OF: Record<DomainErrorCode | IdentityErrorCode, HttpStatus> = {
  ROLE_NOT_ALLOWED: HttpStatus.FORBIDDEN,
  APPROVER_IS_SUBMITTER: HttpStatus.FORBIDDEN,
  APPROVER_WORKED_CASE: HttpStatus.FORBIDDEN,
  OBJECTION_RAISED_BY_CALLER: HttpStatus.FORBIDDEN,
  COMMAND_NOT_SIGNED: HttpStatus.FORBIDDEN,
  CASE_KIND_NOT_GRANTED: HttpStatus.FORBIDDEN,
  CASE_NOT_OPEN: HttpStatus.CONFLICT,
  CASE_ALREADY_OPENED: HttpStatus.CONFLICT,
  CASE_SUSPENDED: HttpStatus.CONFLICT,
  STAGE_DOES_NOT_ACCEPT_ACTION: HttpStatus.CONFLICT,
  NO_NOTICE_RUNNING: HttpStatus.CONFLICT,
  NO_OBJECTION_OPEN: HttpStatus.CONFLICT,
  OBJECTION_ALREADY_OPEN: HttpStatus.CONFLICT,
  OUTSIDE_NOTICE_PERIOD: HttpStatus.CONFLICT,
  NOTICE_ENDS_BY_ITSELF: HttpStatus.CONFLICT,
  NOTICE_NOT_OVER: HttpStatus.CONFLICT,
  QUOTA_EXHAUSTED: HttpStatus.CONFLICT,
  FUND_EXHAUSTED: HttpStatus.CONFLICT,
  NOTHING_TO_RELEASE: HttpStatus.CONFLICT,
  PLAN_ALREADY_EXISTS: HttpStatus.CONFLICT,
  OUTCOME_NOT_ALLOWED: HttpStatus.BAD_REQUEST,
  INVALID_PAYLOAD: HttpStatus.BAD_REQUEST,
  OCCURRED_IN_FUTURE: HttpStatus.UNPROCESSABLE_ENTITY,
  BACKDATED_TOO_FAR: HttpStatus.UNPROCESSABLE_ENTITY,
  OCCURRED_BEFORE_LAST_FACT: HttpStatus.UNPROCESSABLE_ENTITY,
  UNSTORABLE_INPUT: HttpStatus.BAD_REQUEST,
  PIPELINE_NOT_FOUND: HttpStatus.UNPROCESSABLE_ENTITY,
  ROUND_ALREADY_ANNOUNCED: HttpStatus.CONFLICT,
  ROUND_NOT_ANNOUNCED: HttpStatus.CONFLICT,
  ROUND_CLOSED: HttpStatus.CONFLICT,
  INVALID_ROUND_TERMS: HttpStatus.UNPROCESSABLE_ENTITY,
  ROUND_STEP_OUT_OF_ORDER: HttpStatus.CONFLICT,
  POST_NOT_FOUND: HttpStatus.UNPROCESSABLE_ENTITY,
  APPLICANT_NOT_FOUND: HttpStatus.UNPROCESSABLE_ENTITY,
  TICKET_TAKEN: HttpStatus.CONFLICT,
  PERSON_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  APPLICANT_NOT_ELIGIBLE: HttpStatus.CONFLICT,
  INVALID_SCORE: HttpStatus.UNPROCESSABLE_ENTITY,
  SCORES_FINAL: HttpStatus.CONFLICT,
  REASON_REQUIRED: HttpStatus.UNPROCESSABLE_ENTITY,
  TIE_UNRESOLVED: HttpStatus.CONFLICT,
  NO_SUCH_TIE: HttpStatus.CONFLICT,
  CANDIDATE_ALREADY_ADVANCED: HttpStatus.CONFLICT,
  NOT_A_DROPOUT: HttpStatus.CONFLICT,
  NO_SUBSTITUTE_LEFT: HttpStatus.CONFLICT,
  SUBSTITUTION_LIMIT_REACHED: HttpStatus.CONFLICT,
  SUBSTITUTION_CLOSED: HttpStatus.CONFLICT,
  ROUND_ENTRY_NOT_DEFINED: HttpStatus.UNPROCESSABLE_ENTITY,
  ACTION_TOO_EARLY: HttpStatus.UNPROCESSABLE_ENTITY,
  ACTION_TOO_LATE: HttpStatus.UNPROCESSABLE_ENTITY,
  ACTION_OUT_OF_ORDER: HttpStatus.CONFLICT,
  IMPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_PRINCIPAL: HttpStatus.BAD_REQUEST,
  PRINCIPAL_EXISTS: HttpStatus.CONFLICT,
  PRINCIPAL_NOT_FOUND: HttpStatus.NOT_FOUND,
  API_KEY_NOT_FOUND: HttpStatus.NOT_FOUND,
  LAST_ADMIN: HttpStatus.CONFLICT,
  FIRST_ADMIN_EXISTS: HttpStatus.CONFLICT,
  PASSWORD_CHANGE_REQUIRED: HttpStatus.FORBIDDEN,
};

/** Refusals an auditor is asked about: the caller was not allowed, or the case did not allow it. */
const RECORDED = new Set<number>([HttpStatus.FORBIDDEN, HttpStatus.CONFLICT]);

/** Field-level problems a workflow refused a payload for, carried as the failure's details. */
const problemsOf = (failure: ApplicationFailure): string[] | undefined => {
  const [problems] = failure.details ?? [];
  return Array.isArray(problems) && problems.every((problem) => typeof problem === 'string') ? problems : undefined;
};

/** The status a broken rule is answered with, wherever it is answered. */
export const httpStatusOf = (code: DomainErrorCode): HttpStatus => STATUS_OF[code];

export function ruleOf(error: unknown): { code: DomainErrorCode; message: string | string[] } | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : error;
  if (cause instanceof ApplicationFailure && isDomainErrorCode(cause.type))
    return { code: cause.type, message: problemsOf(cause) ?? cause.message };
  return undefined;
}

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Row-level problems of an uploaded file. */
  errors?: unknown[];
}

/**
 * Every error leaves the api here: rules and refusals with their status and a sentence, anything
 * unexpected as a bare 500 whose details (stack, SQL) go to the log only. 403s and 409s are
 * recorded for the auditors before the answer is sent.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(private readonly refusals: RefusalLog) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<AuthenticatedRequest>();
    const body = this.bodyOf(error);
    if (RECORDED.has(body.statusCode)) await this.refusals.record(request, body);
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private bodyOf(error: unknown): ErrorBody {
    if (error instanceof WorkflowNotFoundError) return { statusCode: 404, error: 'NOT_FOUND', message: error.message };
    if (error instanceof IdentityError) {
      return { statusCode: STATUS_OF[error.code], error: error.code, message: error.message };
    }
    const rule = ruleOf(error);
    if (rule) return { statusCode: STATUS_OF[rule.code], error: rule.code, message: rule.message };
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const answer = error.getResponse();
      const message =
        typeof answer === 'object' && answer !== null && 'message' in answer
          ? (answer.message as string | string[])
          : error.message;
      // A file's row-level problems travel with it, so the office sees every wrong row at once.
      const detail =
        typeof answer === 'object' && answer !== null ? (answer as { error?: unknown; errors?: unknown }) : {};
      return {
        statusCode: status,
        error: typeof detail.error === 'string' ? detail.error : (HttpStatus[status] ?? 'ERROR'),
        message,
        ...(Array.isArray(detail.errors) && { errors: detail.errors as unknown[] }),
      };
    }
    // Errors of the body parser, before any handler: too large, not JSON, wrong charset.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: boolean }).expose) {
      return { statusCode: status, error: HttpStatus[status] ?? 'ERROR', message: (error as Error).message };
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { statusCode: 500, error: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
  }
}
