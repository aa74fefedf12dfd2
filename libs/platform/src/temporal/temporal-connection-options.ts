import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { type AppConfig, temporalUsesTls } from '../config/app-config';

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
  const tls: TLSConfig | false = temporalUsesTls(config)
    ? {
        ...(config.TEMPORAL_TLS_SERVER_NAME && { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME }),
        ...(config.TEMPORAL_TLS_CA_PATH && { serverRootCACertificate: readFileSync(config.TEMPORAL_TLS_CA_PATH) }),
        ...(config.TEMPORAL_TLS_CERT_PATH &&
          config.TEMPORAL_TLS_KEY_PATH && {
            clientCertPair: {
              crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH),
              key: readFileSync(config.TEMPORAL_TLS_KEY_PATH),
            },
          }),
      }
    : false;
  return {
    address: config.TEMPORAL_ADDRESS,
    tls,
    ...(config.TEMPORAL_API_KEY && { apiKey: config.TEMPORAL_API_KEY }),
  };
}
