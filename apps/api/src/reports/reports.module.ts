import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { ReportsController } from './reports.controller';

@Module({ imports: [LedgerModule], controllers: [ReportsController] })
export class ReportsModule {}
