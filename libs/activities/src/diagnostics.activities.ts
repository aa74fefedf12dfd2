import { hostname } from 'node:os';
import { Context } from '@temporalio/activity';

export interface WorkerEcho {
  message: string;
  worker: string;
  taskQueue: string;
  handledAt: string;
}

/**
 * Activities behind the diagnostics round trip: they prove that a worker is polling the task
 * queue and can run activities, which a ping of the Temporal frontend alone cannot show.
 */
export function createDiagnosticsActivities() {
  return {
    echoFromWorker(message: string): Promise<WorkerEcho> {
      const { info } = Context.current();
      return Promise.resolve({
        message,
        worker: `${hostname()}/${process.pid}`,
        taskQueue: info.taskQueue,
        handledAt: new Date().toISOString(),
      });
    },
  };
}

export type DiagnosticsActivities = ReturnType<typeof createDiagnosticsActivities>;
