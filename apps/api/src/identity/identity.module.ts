import { createHash } from 'node:crypto';
import { type ExecutionContext, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { PrincipalStore } from '@talent/identity';
import { API_KEY_HEADER, APP_CONFIG, type AppConfig, PG_POOL, PUBLIC_ROUTE, requireApiSecrets } from '@talent/platform';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { RefusalLog } from '../errors/refusal-log';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { AuthController, SIGN_IN_ROUTE } from './auth.controller';
import { ApiClientsController, UsersController } from './principals.controller';

const MINUTE_MS = 60_000;
const SIGN_IN_WINDOW_MS = 15 * MINUTE_MS;

const isSignIn = (context: ExecutionContext) => Reflect.getMetadata(SIGN_IN_ROUTE, context.getHandler()) === true;
// Health and metrics are polled by machines and answer nothing of value to an attacker.
const isOperational = (context: ExecutionContext) => Reflect.getMetadata(PUBLIC_ROUTE, context.getClass()) === true;

/**
 * The rate limiter runs before authentication, so it counts by credential (a token or key,
 * hashed) or, without one, by address: a flood of unauthenticated requests is limited too.
 */
function callerOf(request: Request): string {
  const credential = request.header(API_KEY_HEADER) ?? request.header('authorization');
  return credential
    ? `credential:${createHash('sha256').update(credential).digest('base64url')}`
    : `address:${request.ip}`;
}

/** The account a sign-in names, however it is spelled; an absent one counts as one account. */
function accountOf(request: Request): string {
  const userId = (request.body as { userId?: unknown } | undefined)?.userId;
  return typeof userId === 'string' ? userId.trim().toLowerCase() : '';
}

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: requireApiSecrets(config).AUTH_TOKEN_SECRET,
        signOptions: { expiresIn: config.AUTH_TOKEN_TTL_SECONDS },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        errorMessage: 'Too many requests; wait a moment and try again',
        throttlers: [
          {
            name: 'api',
            ttl: MINUTE_MS,
            limit: config.API_RATE_LIMIT_PER_MINUTE,
            getTracker: (request) => callerOf(request as Request),
            skipIf: (context) => isOperational(context) || isSignIn(context),
          },
          {
            name: 'sign-in-account',
            ttl: SIGN_IN_WINDOW_MS,
            limit: config.SIGN_IN_ATTEMPTS_PER_15_MINUTES,
            getTracker: (request) => `account:${accountOf(request as Request)}`,
            skipIf: (context) => !isSignIn(context),
          },
          {
            name: 'sign-in-address',
            ttl: SIGN_IN_WINDOW_MS,
            limit: config.SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_15_MINUTES,
            getTracker: (request) => `address:${(request as Request).ip}`,
            skipIf: (context) => !isSignIn(context),
          },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiClientsController],
  providers: [
    {
      provide: PrincipalStore,
      inject: [PG_POOL, PostgresEventStore],
      useFactory: (pool: Pool, store: PostgresEventStore) => new PrincipalStore(pool, store),
    },
    AccessTokens,
    RefusalLog,
    // Guards run in this order: count the request, then check who it is and what it may do.
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
  exports: [PrincipalStore],
})
export class IdentityModule {}
