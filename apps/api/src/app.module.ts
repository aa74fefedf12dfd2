import { Module } from '@nestjs/common';
import {
  AppConfigModule,
  DatabaseModule,
  EventStoreModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  TemporalClientModule,
} from '@talent/platform';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { ConsoleModule } from './console/console.module';
import { IdentityModule } from './identity/identity.module';
import { LedgerModule } from './ledger/ledger.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { PlansModule } from './plans/plans.module';
import { ReportsModule } from './reports/reports.module';
import { RoundsModule } from './rounds/rounds.module';
import { StatisticsModule } from './statistics/statistics.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    EventStoreModule,
    TemporalClientModule,
    HealthModule,
    MetricsModule,
    IdentityModule,
    PersonalDataModule,
    DiagnosticsModule,
    PipelinesModule,
    CasesModule,
    PlansModule,
    RoundsModule,
    StatisticsModule,
    ReportsModule,
    AuditModule,
    LedgerModule,
    ConsoleModule,
  ],
})
export class ApiModule {}
