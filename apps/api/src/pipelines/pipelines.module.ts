import { Global, Module } from '@nestjs/common';
import { builtInPipelines, PipelineRegistry } from '@talent/pipelines';

/** The pipeline definitions, validated once at boot: a broken definition stops the api starting. */
@Global()
@Module({
  providers: [{ provide: PipelineRegistry, useFactory: () => new PipelineRegistry(builtInPipelines) }],
  exports: [PipelineRegistry],
})
export class PipelinesModule {}
