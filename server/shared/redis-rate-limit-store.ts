import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { RedisConnection } from './redis-connection.ts';

/**
 * rate-limit-redis's RedisStore, started on first use and started again after a failed start. RedisStore loads its
 * scripts once, in init(); when Redis is down at that moment every later call would fail with the same rejected
 * promise, and limits would stay off after Redis returns. Failures are thrown (express-rate-limit's
 * passOnStoreError lets the request through) and noted on the connection, which logs the outage once.
 */
export class RedisRateLimitStore implements Store {
  readonly localKeys = false;
  private options: Options | undefined;
  private started: Promise<RedisStore> | null = null;

  constructor(
    private readonly connection: RedisConnection,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.options = options;
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.call((store) => store.get(key));
  }

  async increment(key: string): Promise<IncrementResponse> {
    return this.call((store) => store.increment(key));
  }

  async decrement(key: string): Promise<void> {
    return this.call((store) => store.decrement(key));
  }

  async resetKey(key: string): Promise<void> {
    return this.call((store) => store.resetKey(key));
  }

  private async call<Result>(run: (store: RedisStore) => Promise<Result>): Promise<Result> {
    try {
      return await run(await this.store());
    } catch (error) {
      this.connection.noteFailure(error);
      throw error;
    }
  }

  private store(): Promise<RedisStore> {
    if (!this.options)
      throw new Error('the rate-limit store was used before express-rate-limit started it');
    const { client } = this.connection;
    const options = this.options;
    this.started ??= (async () => {
      const store = new RedisStore({
        sendCommand: (...command: string[]) => client.sendCommand(command) as Promise<RedisReply>,
        prefix: this.prefix,
      });
      await store.init(options);
      return store;
    })().catch((error: unknown) => {
      this.started = null;
      throw error;
    });
    return this.started;
  }
}
