import { Module } from '@nestjs/common';
import {
  AppConfigModule,
  DatabaseModule,
  EventStoreModule,
  LoggingModule,
  TemporalClientModule,
} from '@talent/platform';
import { ProjectorService } from './projector.service';
import { TemporalWorkerService } from './temporal-worker.service';
import { TreeHeadService } from './tree-head.service';

@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, EventStoreModule, TemporalClientModule],
  providers: [TemporalWorkerService, ProjectorService, TreeHeadService],
})
export class WorkerModule {}
