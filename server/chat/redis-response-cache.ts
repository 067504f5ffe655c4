import type { RedisConnection } from '../shared/redis-connection.ts';
import { LruMap } from './lru-map.ts';
import type { ResponseCache, ResponseCacheStats } from './response-cache.ts';

/** How long an answer stays in Redis: it also bounds how long a changed answer policy can serve the old answer. */
export const SHARED_ANSWER_TTL_MS = 60 * 60_000;

/**
 * Answers shared by every worker and instance through Redis, as JSON under `namespace` (which names the index and
 * the code, so instances serving another document never share), with this process's LRU in front. While Redis is
 * unreachable a lookup is a miss and a store is skipped; sharing resumes when node-redis reconnects.
 */
export class RedisResponseCache<Value> implements ResponseCache<Value> {
  private readonly local: LruMap<Value>;
  private hits = 0;
  private sharedHits = 0;
  private misses = 0;

  constructor(
    private readonly connection: RedisConnection,
    private readonly namespace: string,
    localCapacity: number,
  ) {
    this.local = new LruMap(localCapacity);
  }

  async get(key: string): Promise<Value | undefined> {
    const local = this.local.get(key);
    if (local !== undefined) {
      this.hits += 1;
      return local;
    }
    const stored = await this.command((client) => client.get(this.namespace + key));
    const value = typeof stored === 'string' ? parseStored<Value>(stored) : undefined;
    if (value === undefined) {
      this.misses += 1;
      return undefined;
    }
    this.sharedHits += 1;
    this.local.set(key, value);
    return value;
  }

  async set(key: string, value: Value): Promise<void> {
    this.local.set(key, value);
    await this.command((client) =>
      client.set(this.namespace + key, JSON.stringify(value), { PX: SHARED_ANSWER_TTL_MS }),
    );
  }

  stats(): ResponseCacheStats {
    return { kind: 'redis', hits: this.hits, sharedHits: this.sharedHits, misses: this.misses };
  }

  /** A Redis command whose failure is noted on the connection and otherwise ignored: the caller answers anyway. */
  private async command<Result>(
    run: (client: RedisConnection['client']) => Promise<Result>,
  ): Promise<Result | undefined> {
    try {
      return await run(this.connection.client);
    } catch (error) {
      this.connection.noteFailure(error);
      return undefined;
    }
  }
}

/** A value another writer left unreadable is a miss, not an error in someone's request. */
function parseStored<Value>(stored: string): Value | undefined {
  try {
    return JSON.parse(stored) as Value;
  } catch {
    return undefined;
  }
}
