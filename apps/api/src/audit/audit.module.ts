import { Module } from '@nestjs/common';
import { auditSigningKeyProvider } from './audit-signing-key';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Module({ controllers: [AuditController], providers: [AuditService, auditSigningKeyProvider] })
export class AuditModule {}
