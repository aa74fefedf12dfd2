import { Client, type Pool } from 'pg';
import { EVENTS_NOTIFY_CHANNEL } from './append';

export interface EventSubscriptionOptions {
  /** The longest a waiter sleeps without a notification: the fallback when NOTIFY is lost. */
  pollIntervalMs?: number;
  onError?: (error: Error) => void;
}

/**
 * Wakes readers of the global order when events are appended. NOTIFY is only a hint (it is not
 * delivered while the listening connection is down), so every wait also ends after the poll
 * interval, and readers always re-read from their checkpoint: nothing depends on a notification
 * arriving.
 */
export class EventSubscription {
  private listener?: Client;
  private waiters = new Set<() => void>();
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: Pool,
    private readonly options: EventSubscriptionOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  /** Resolves at the next append anywhere in the store, or after the poll interval. */
  waitForEvents(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    for (const wake of [...this.waiters]) wake();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const listener = new Client(this.pool.options);
    listener.on('notification', () => {
      for (const wake of [...this.waiters]) wake();
    });
    listener.on('error', (error) => this.reconnectLater(listener, error));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${EVENTS_NOTIFY_CHANNEL}`);
      this.listener = listener;
    } catch (error) {
      this.reconnectLater(listener, error as Error);
    }
  }

  private reconnectLater(failed: Client, error: Error): void {
    this.options.onError?.(error);
    void failed.end().catch(() => undefined);
    if (this.listener === failed) this.listener = undefined;
    if (this.stopped || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) void this.connect();
    }, this.pollIntervalMs);
  }
}
