import { Module } from '@nestjs/common';
import { LEDGER_SIGNING_KEY, ledgerSigningKeyProvider } from './ledger-signing-key';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

@Module({
  controllers: [LedgerController],
  providers: [LedgerService, ledgerSigningKeyProvider],
  exports: [LEDGER_SIGNING_KEY, LedgerService],
})
export class LedgerModule {}
