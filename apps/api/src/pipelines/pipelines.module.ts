import { Global, Module } from '@nestjs/common';
import { builtInPipelines, PipelineRegistry } from '@talent/pipelines';
import { PipelinesController } from './pipelines.controller';

/** The pipeline definitions, validated once at boot: a broken definition stops the api starting. */
@Global()
@Module({
  controllers: [PipelinesController],
  providers: [{ provide: PipelineRegistry, useFactory: () => new PipelineRegistry(builtInPipelines) }],
  exports: [PipelineRegistry],
})
export class PipelinesModule {}
