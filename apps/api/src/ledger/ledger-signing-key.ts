import type { Provider } from '@nestjs/common';
import { loadLedgerSigningKey } from '@talent/ledger';
import { APP_CONFIG, type AppConfig, requireLedgerSigningKey } from '@talent/platform';

/** The office's Ed25519 key that signs the ledger's tree heads (LEDGER_SIGNING_KEY). */
export const LEDGER_SIGNING_KEY = Symbol('LEDGER_SIGNING_KEY');

export const ledgerSigningKeyProvider: Provider = {
  provide: LEDGER_SIGNING_KEY,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => loadLedgerSigningKey(requireLedgerSigningKey(config)),
};
