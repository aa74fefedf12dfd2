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
import { DiagnosticsModule } from './diagnostics/diagnostics.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    EventStoreModule,
    TemporalClientModule,
    HealthModule,
    MetricsModule,
    DiagnosticsModule,
  ],
})
export class ApiModule {}
