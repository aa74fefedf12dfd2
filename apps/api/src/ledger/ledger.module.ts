import { Module } from '@nestjs/common';
import { ledgerSigningKeyProvider } from './ledger-signing-key';
import { LedgerController } from './ledger.controller';
import { LedgerService } from './ledger.service';

@Module({ controllers: [LedgerController], providers: [LedgerService, ledgerSigningKeyProvider] })
export class LedgerModule {}
