import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/**
 * Fields that may carry credentials or personal data (PIPL) never reach the logs.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idCardNumber',
  '*.phone',
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
          autoLogging: { ignore: (req) => req.url === '/health' },
          base: { pid: process.pid, service: config.SERVICE_NAME },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
