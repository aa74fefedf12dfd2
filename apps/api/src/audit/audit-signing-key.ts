import type { Provider } from '@nestjs/common';
import { loadSigningKey } from '@talent/event-store';
import { APP_CONFIG, type AppConfig, requireApiSecrets } from '@talent/platform';

/** The office's Ed25519 key that signs history exports (AUDIT_SIGNING_KEY). */
export const AUDIT_SIGNING_KEY = Symbol('AUDIT_SIGNING_KEY');

export const auditSigningKeyProvider: Provider = {
  provide: AUDIT_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => loadSigningKey(requireApiSecrets(config).AUDIT_SIGNING_KEY),
};
