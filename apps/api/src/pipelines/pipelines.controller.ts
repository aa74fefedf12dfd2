import { Controller, Get, NotFoundException, Param, ParseIntPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, stagesInOrder } from '@talent/domain';
import { PipelineRegistry } from '@talent/pipelines';
import { Allow } from '@talent/platform';

/**
 * The pipeline definitions this deployment runs, read-only. New versions ship as reviewed code
 * (libs/pipelines), validated at boot: a definition decides who may do what to a case, so it
 * changes through review, not through a form.
 */
@ApiTags('pipelines')
@Allow(...ROLES)
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly pipelines: PipelineRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Every pipeline definition and version: what a case of each kind and channel goes through' })
  list() {
    return {
      items: this.pipelines.list().map((pipeline) => ({
        id: pipeline.id,
        version: pipeline.version,
        label: pipeline.label,
        kind: pipeline.kind,
        channel: pipeline.channel ?? null,
        workstationType: pipeline.workstationType ?? null,
        stages: stagesInOrder(pipeline).map((id) => ({
          id,
          label: pipeline.stages[id]!.label,
          kind: pipeline.stages[id]!.kind,
        })),
      })),
    };
  }

  @Get(':id/versions/:version')
  @ApiOperation({ summary: 'One definition in full: stages, actions with their roles and payload schemas, timers' })
  @ApiNotFoundResponse({ description: 'No such pipeline or version' })
  get(@Param('id') id: string, @Param('version', ParseIntPipe) version: number) {
    const found = this.pipelines.list().find((pipeline) => pipeline.id === id && pipeline.version === version);
    if (!found) throw new NotFoundException(`No pipeline ${id} version ${version}`);
    // The stages' object keys follow the definition's history; this is the order a case meets them.
    return { ...found, stageOrder: stagesInOrder(found) };
  }
}
