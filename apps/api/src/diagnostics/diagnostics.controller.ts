import { randomUUID } from 'node:crypto';
import { Body, Controller, GatewayTimeoutException, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiGatewayTimeoutResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { Allow, APP_CONFIG, type AppConfig } from '@talent/platform';
import type { diagnosticsRoundTrip, RoundTripResult } from '@talent/workflows/diagnostics.workflow';
import { RoundTripRequest } from './round-trip.dto';

const ROUND_TRIP_TIMEOUT = '15 seconds';

@ApiTags('operations')
@Allow('admin')
@Controller('diagnostics')
export class DiagnosticsController {
  constructor(
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('round-trip')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run a workflow and an activity on a worker and return what it saw',
    description: 'Unlike /health, this proves that a worker is polling the task queue and executing work end to end.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        workflowId: 'diagnostics-3f1c…',
        runId: '0193…',
        echo: { message: 'ping', worker: 'host/4242', taskQueue: 'talent-cases', handledAt: '2026-11-24T08:00:00Z' },
      },
    },
  })
  @ApiGatewayTimeoutResponse({ description: 'No worker completed the round trip in time' })
  async roundTrip(@Body() request: RoundTripRequest): Promise<RoundTripResult> {
    try {
      return await this.temporal.workflow.execute<typeof diagnosticsRoundTrip>('diagnosticsRoundTrip', {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: `diagnostics-${randomUUID()}`,
        args: [request.message ?? 'ping'],
        workflowExecutionTimeout: ROUND_TRIP_TIMEOUT,
      });
    } catch (error) {
      if (error instanceof WorkflowFailedError) {
        throw new GatewayTimeoutException(
          `No worker completed the round trip within ${ROUND_TRIP_TIMEOUT}: ${error.cause?.message ?? error.message}`,
        );
      }
      throw error;
    }
  }
}
