import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const PROBE_TIMEOUT_MS = 3000;

@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(Connection) private readonly connection: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Up when the frontend answers for our namespace. The count of workers polling the case task
   * queue is reported beside it: zero pollers means cases wait, which an operator must see.
   */
  async check(key = 'temporal') {
    const indicator = this.health.check(key);
    const namespace = this.config.TEMPORAL_NAMESPACE;
    const taskQueue = this.config.TEMPORAL_TASK_QUEUE;
    try {
      const queue = await this.connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      return indicator.up({
        address: this.config.TEMPORAL_ADDRESS,
        namespace,
        taskQueue,
        workers: queue.pollers.length,
      });
    } catch (error) {
      return indicator.down({ address: this.config.TEMPORAL_ADDRESS, namespace, message: (error as Error).message });
    }
  }
}
