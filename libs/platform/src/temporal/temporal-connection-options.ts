import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '../config/app-config';
import { temporalTls } from './temporal-tls';

export interface TemporalConnectionSettings {
  address: string;
  tls: TLSConfig | false;
  apiKey?: string;
}

/**
 * One reading of the Temporal settings for both the client (api) and the native connection
 * (worker), so a cluster reached with mTLS or a Temporal Cloud API key works for both alike.
 */
export function temporalConnectionSettings(config: AppConfig): TemporalConnectionSettings {
  return {
    address: config.TEMPORAL_ADDRESS,
    tls: temporalTls(config),
    ...(config.TEMPORAL_API_KEY && { apiKey: config.TEMPORAL_API_KEY }),
  };
}
