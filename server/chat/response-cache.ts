import { createHash } from 'node:crypto';
import type { ChatTurn, Audience } from '../../core/wire/chat-wire.ts';
import { LruMap } from './lru-map.ts';

/** What a repeated question gets back: the whole outcome of the first asking, less its timings. */
export type CachedAnswer<Outcome> = Omit<Outcome, 'timings'>;

/** How often the cache answered, for /healthz and the tests: `shared` hits came from another worker or instance. */
export interface ResponseCacheStats {
  kind: 'off' | 'local' | 'redis';
  hits: number;
  sharedHits: number;
  misses: number;
}

/**
 * Answers kept for repeated questions. Never throws into a request: a store that fails is a miss (get) or a no-op
 * (set). Only offline answers are kept; model answers vary and are never cached.
 */
export interface ResponseCache<Value> {
  get(key: string): Promise<Value | undefined>;
  set(key: string, value: Value): Promise<void>;
  stats(): ResponseCacheStats;
}

/**
 * The cache key: everything that changes an answer besides the index and the code (which name the cache's namespace):
 * the provider, the mode, the question and the conversation before it.
 */
export function responseCacheKey(request: {
  provider: string;
  mode: Audience;
  message: string;
  history: ChatTurn[];
}): string {
  return createHash('sha256')
    .update(JSON.stringify([request.provider, request.mode, request.message, request.history]))
    .digest('base64url');
}

/** The in-process cache: least recently used answers are dropped beyond `capacity` (0: nothing is kept). */
export class LocalResponseCache<Value> implements ResponseCache<Value> {
  private readonly entries: LruMap<Value>;
  private hits = 0;
  private misses = 0;

  constructor(private readonly capacity: number) {
    this.entries = new LruMap(capacity);
  }

  async get(key: string): Promise<Value | undefined> {
    if (this.capacity <= 0) return undefined;
    const value = this.entries.get(key);
    if (value === undefined) this.misses += 1;
    else this.hits += 1;
    return value;
  }

  async set(key: string, value: Value): Promise<void> {
    this.entries.set(key, value);
  }

  stats(): ResponseCacheStats {
    return {
      kind: this.capacity > 0 ? 'local' : 'off',
      hits: this.hits,
      sharedHits: 0,
      misses: this.misses,
    };
  }
}
