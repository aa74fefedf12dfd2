import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@talent/platform';
import { builtInPipelinesFor, PipelineRegistry } from '@talent/pipelines';
import { PipelinesController } from './pipelines.controller';

/** The pipeline definitions, validated once at boot: a broken definition stops the api starting. */
@Global()
@Module({
  controllers: [PipelinesController],
  providers: [
    {
      provide: PipelineRegistry,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new PipelineRegistry(builtInPipelinesFor({ publicNoticeTerms: config.PUBLIC_NOTICE_TERMS })),
    },
  ],
  exports: [PipelineRegistry],
})
export class PipelinesModule {}
