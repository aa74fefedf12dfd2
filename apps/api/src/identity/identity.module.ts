import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@talent/event-store';
import { PrincipalStore } from '@talent/identity';
import { APP_CONFIG, type AppConfig, PG_POOL, requireApiSecrets } from '@talent/platform';
import { ApiExceptionFilter } from '../errors/api-exception.filter';
import { RefusalLog } from '../errors/refusal-log';
import { AccessGuard } from './access.guard';
import { AccessTokens } from './access-tokens';
import { AuthController } from './auth.controller';
import { ApiClientsController, UsersController } from './principals.controller';
import { rateLimits, ThrottleByAddress, ThrottleByCaller } from './rate-limits';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries to read it as a
        // PEM public key on every verify, and that failed parse cost the api more than any other call.
        secret: createSecretKey(Buffer.from(requireApiSecrets(config).AUTH_TOKEN_SECRET)),
        signOptions: { expiresIn: config.AUTH_TOKEN_TTL_SECONDS },
      }),
    }),
    ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: rateLimits }),
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
    // Guards run in this order: count by address, check who calls and what they may do, count by caller.
    { provide: APP_GUARD, useClass: ThrottleByAddress },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: ThrottleByCaller },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
  exports: [PrincipalStore],
})
export class IdentityModule {}
