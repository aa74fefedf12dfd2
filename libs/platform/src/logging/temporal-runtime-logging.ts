import { DefaultLogger, type LogLevel, Runtime } from '@temporalio/worker';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';

const temporalLevel: Record<AppConfig['LOG_LEVEL'], LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

let installed = false;

/**
 * Sends the Temporal SDK's own logs (worker state, workflow and activity logs, and the native
 * core's warnings) through pino, so one process writes one structured log stream. The runtime is
 * process-wide and can be installed once; later calls keep the first installation.
 */
export function installTemporalRuntimeLogging({ LOG_LEVEL: level, SERVICE_NAME }: AppConfig): void {
  if (installed) return;
  installed = true;
  const logger = pino({ level, base: { service: SERVICE_NAME, component: 'temporal' } });
  Runtime.install({
    logger: new DefaultLogger(temporalLevel[level], ({ level: entryLevel, message, meta }) => {
      logger[entryLevel === 'TRACE' ? 'trace' : (entryLevel.toLowerCase() as Lowercase<Exclude<LogLevel, 'TRACE'>>)](
        meta ?? {},
        message,
      );
    }),
    telemetryOptions: { logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } } },
  });
}
