import { type ExecutionContext, Injectable } from '@nestjs/common';
import {
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
} from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type AppConfig, PUBLIC_ROUTE } from '@talent/platform';
import type { AuthenticatedRequest } from './authenticated-request';

/** Marks the routes that check a password: sign-in, and changing one's own password. */
export const PASSWORD_CHECK_ROUTE = 'talent:password-check';

const MINUTE_MS = 60_000;
const PASSWORD_WINDOW_MS = 15 * MINUTE_MS;

const checksPassword = (context: ExecutionContext) =>
  Reflect.getMetadata(PASSWORD_CHECK_ROUTE, context.getHandler()) === true;
// Health and metrics are polled by machines and answer nothing of value to an attacker.
const isOperational = (context: ExecutionContext) => Reflect.getMetadata(PUBLIC_ROUTE, context.getClass()) === true;

/** IPv6 callers are counted per /64, as one host holds a whole prefix. */
const addressOf = (request: Request) => `address:${normalizeIp(request.ip ?? 'unknown')}`;

/** The account whose password is being tried: the signed-in caller's own, or the one a sign-in names. */
function accountOf(request: AuthenticatedRequest): string {
  if (request.principal) return `account:${request.principal.id}`;
  const userId = (request.body as { userId?: unknown } | undefined)?.userId;
  return `account:${typeof userId === 'string' ? userId.trim().toLowerCase() : ''}`;
}

/**
 * Three limits, counted by whom they protect against:
 * - `address`: every request per address, before authentication, so a flood of bad credentials is limited too;
 * - `caller`: every request per signed-in user or API client, after authentication;
 * - `password`: password checks (sign-in, password change) per account and, with `address`, per address.
 * Counters are per limit and caller, not per route.
 */
export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests; wait a moment and try again',
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      {
        name: 'address',
        ttl: MINUTE_MS,
        limit: config.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        getTracker: (request) => addressOf(request as Request),
        skipIf: isOperational,
      },
      {
        name: 'sign-in-address',
        ttl: PASSWORD_WINDOW_MS,
        limit: config.SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES,
        getTracker: (request) => addressOf(request as Request),
        skipIf: (context) => !checksPassword(context),
      },
      {
        name: 'caller',
        ttl: MINUTE_MS,
        limit: config.API_RATE_LIMIT_PER_MINUTE,
        getTracker: (request) => `principal:${(request as AuthenticatedRequest).principal?.id ?? ''}`,
        skipIf: (context) => !context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
      },
      {
        name: 'password',
        ttl: PASSWORD_WINDOW_MS,
        limit: config.SIGN_IN_ATTEMPTS_PER_15_MINUTES,
        getTracker: (request) => accountOf(request as AuthenticatedRequest),
        skipIf: (context) => !checksPassword(context),
      },
    ],
  };
}

const BEFORE_AUTHENTICATION = new Set(['address', 'sign-in-address']);

/**
 * One guard class per place in the guard chain, each counting only its own limits, and sending
 * the standard Retry-After (seconds) beside the library's per-limit headers for any client to honour.
 */
abstract class RateLimitGuard extends ThrottlerGuard {
  protected abstract readonly beforeAuthentication: boolean;

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const counted = BEFORE_AUTHENTICATION.has(request.throttler.name ?? '') === this.beforeAuthentication;
    return counted ? super.handleRequest(request) : Promise.resolve(true);
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    return super.throwThrottlingException(context, detail);
  }
}

/** The limits that need no identity, before the access guard. */
@Injectable()
export class ThrottleByAddress extends RateLimitGuard {
  protected readonly beforeAuthentication = true;
}

/** The limits per caller and per account, after the access guard has said who is calling. */
@Injectable()
export class ThrottleByCaller extends RateLimitGuard {
  protected readonly beforeAuthentication = false;
}
