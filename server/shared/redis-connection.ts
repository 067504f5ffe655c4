import { createClient } from 'redis';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof createClient>;

/** Reconnect attempts back off from 50 ms to this, so a returning Redis is found within a couple of seconds. */
const MAX_RECONNECT_DELAY_MS = 2000;
const CONNECT_TIMEOUT_MS = 2000;

/**
 * One connection to Redis for a process, opened in the background: the server starts and answers whether or not
 * Redis is there. Commands fail at once while it is unreachable (no offline queue, so a request never waits for
 * Redis to return), node-redis reconnects by itself, and the outage is logged once when it starts and once when it
 * ends, not per request.
 */
export class RedisConnection {
  readonly client: RedisClient;
  private state: 'connecting' | 'up' | 'down' = 'connecting';
  private closed = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
      },
    });
    this.client.on('ready', () => this.markUp());
    // Without an 'error' listener node-redis would crash the process; every failed reconnect emits one.
    this.client.on('error', (error: unknown) => this.markDown(error));
    void this.client.connect().catch((error: unknown) => {
      if (!this.closed) this.markDown(error);
    });
  }

  get connected(): boolean {
    return this.client.isReady;
  }

  /** A command failed: the first failure of an outage is logged (reconnecting is node-redis's business). */
  noteFailure(error: unknown): void {
    if (!this.client.isReady) this.markDown(error);
  }

  private markUp(): void {
    if (this.state === 'down')
      this.logger.warn('Redis is reachable again: rate limits and the response cache are shared');
    else this.logger.info('Redis connected: rate limits and the response cache are shared');
    this.state = 'up';
  }

  private markDown(error: unknown): void {
    if (this.state === 'down' || this.closed) return;
    this.state = 'down';
    this.logger.warn(
      { err: error },
      'Redis is unreachable: rate limits are not enforced and answers are cached in this process only until it returns',
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.client.isOpen) await this.client.close().catch(() => {});
    else this.client.destroy();
  }
}
