import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, HealthModule, LoggingModule, TemporalClientModule } from '@talent/platform';
import { DiagnosticsModule } from './diagnostics/diagnostics.module';

@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, TemporalClientModule, HealthModule, DiagnosticsModule],
})
export class ApiModule {}
