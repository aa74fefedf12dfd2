import { Module } from '@nestjs/common';
import { AppConfigModule, DatabaseModule, LoggingModule, TemporalClientModule } from '@talent/platform';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, TemporalClientModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
