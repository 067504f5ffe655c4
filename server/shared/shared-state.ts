import cluster from 'node:cluster';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { LocalResponseCache, type ResponseCache } from '../chat/response-cache.ts';
import type { AppConfig } from '../config.ts';

/** What /healthz reports about this process and what it shares. */
export interface SharedStatus {
  /** The cluster worker's id and pid; absent in a single process. */
  worker?: { id: number; pid: number };
  /** Whether rate limits and the response cache are shared through Redis right now. */
  redis: 'off' | 'connected' | 'unreachable';
}

/**
 * What the workers and instances of the server share, chosen once from the configuration: with REDIS_URL, rate
 * limits and answers go through Redis; else, in a cluster worker, rate limits go through the primary
 * (@express-rate-limit/cluster-memory-store) and answers stay in each worker; in a single process, both stay in it.
 */
export interface SharedState {
  /** A store for one express-rate-limit limiter (`prefix` names it); undefined: the limiter's own memory. */
  rateLimitStore(prefix: string): Store | undefined;
  /** The cache of offline answers, under `namespace` (the index and code it was computed with). */
  responseCache<Value>(namespace: string, capacity: number): ResponseCache<Value>;
  status(): SharedStatus;
  close(): Promise<void>;
}

/**
 * The one place that reads the configuration to choose where limits and answers are kept. The Redis client and
 * stores are loaded only when REDIS_URL is set.
 */
export async function createSharedState(
  config: Pick<AppConfig, 'redis'>,
  logger: Logger,
): Promise<SharedState> {
  const redis = config.redis ? await loadRedisParts() : null;
  const connection =
    config.redis && redis ? new redis.RedisConnection(config.redis.url, logger) : null;
  const worker = cluster.isWorker && cluster.worker ? cluster.worker : null;
  return {
    rateLimitStore(prefix) {
      if (connection && redis)
        return new redis.RedisRateLimitStore(connection, `plan:rl:${prefix}:`);
      return worker ? new ClusterMemoryStoreWorker({ prefix }) : undefined;
    },
    responseCache<Value>(namespace: string, capacity: number) {
      return connection && redis && capacity > 0
        ? new redis.RedisResponseCache<Value>(connection, `plan:answers:${namespace}:`, capacity)
        : new LocalResponseCache<Value>(capacity);
    },
    status() {
      return {
        ...(worker ? { worker: { id: worker.id, pid: process.pid } } : {}),
        redis: !connection ? 'off' : connection.connected ? 'connected' : 'unreachable',
      };
    },
    close: async () => connection?.close(),
  };
}

async function loadRedisParts() {
  const [{ RedisConnection }, { RedisRateLimitStore }, { RedisResponseCache }] = await Promise.all([
    import('./redis-connection.ts'),
    import('./redis-rate-limit-store.ts'),
    import('../chat/redis-response-cache.ts'),
  ]);
  return { RedisConnection, RedisRateLimitStore, RedisResponseCache };
}
