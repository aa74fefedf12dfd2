import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { auditSigningKeyProvider } from './audit-signing-key';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({
  imports: [LedgerModule],
  controllers: [AuditController],
  providers: [AuditService, auditSigningKeyProvider],
})
export class AuditModule {}
