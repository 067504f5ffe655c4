// Two instances of the real app (createPlanApp from the configuration, as npm start builds it) sharing one real
// Redis: one rate limit for both, answers computed by one served by the other, and a Redis outage that costs the
// limits and the sharing but never an answer.
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import { loadConfig } from '../../server/config.ts';
import { createPlanApp } from '../../server/create-plan-app.ts';
import type { Services } from '../../server/create-services.ts';
import { capturedLogger, WARN, type LogLine } from '../helpers/captured-logger.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';

const LIMIT = 6;
const QUESTION = { message: '怎样推进乌海湖生态保护？', mode: 'staff' };
/** Questions not asked before the outage, so that their answers cannot come from a cache. */
const DURING_OUTAGE = ['生态环境怎么改善？', '如何推进新能源产业发展？'];

interface Instance {
  app: Express;
  services: Services;
  logs: LogLine[];
}

interface Health {
  redis: string;
  responseCache: { kind: string; hits: number; sharedHits: number; misses: number };
}

async function health(instance: Instance): Promise<Health> {
  return (await request(instance.app).get('/healthz').expect(200)).body as Health;
}

/** Polls until `check` holds (Redis connecting or reconnecting takes a moment); fails the test after ~15 s. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition did not hold in time');
}

describe('two instances sharing one Redis (REDIS_URL)', () => {
  let built: BuiltIndex;
  let redis: RedisServer;
  let instances: Instance[] = [];

  beforeAll(async () => {
    [built, redis] = await Promise.all([buildPlanIndex(), startRedis()]);
  });

  afterAll(async () => {
    await redis?.cleanup();
    await built?.cleanup();
  });

  beforeEach(async () => {
    const admin = createClient({ url: redis.url });
    await admin.connect();
    await admin.flushAll();
    await admin.close();
    const config = loadConfig({
      INDEX_DIR: built.indexDir,
      REDIS_URL: redis.url,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      QUESTION_LOG: 'off',
    });
    instances = await Promise.all(
      [0, 1].map(async () => {
        const { logger, lines } = capturedLogger();
        const { app, services } = await createPlanApp(config, logger);
        return { app, services, logs: lines };
      }),
    );
    for (const instance of instances)
      await eventually(async () => (await health(instance)).redis === 'connected');
  });

  afterEach(async () => {
    await Promise.all(instances.map((instance) => instance.services.shared.close()));
  });

  /** `count` requests to /api/articles, alternating between the instances; their statuses in order. */
  async function spread(count: number): Promise<number[]> {
    const statuses = [];
    for (let sent = 0; sent < count; sent += 1)
      statuses.push((await request(instances[sent % 2]!.app).get('/api/articles')).status);
    return statuses;
  }

  it('enforces one rate limit together: 429 after the shared limit, not after twice it', async () => {
    const statuses = await spread(LIMIT * 2);
    expect(statuses).toEqual([...Array(LIMIT).fill(200), ...Array(LIMIT).fill(429)]);
  });

  it('serves an answer computed by one instance from the other', async () => {
    const [first, second] = instances as [Instance, Instance];
    const computed = await request(first.app).post('/api/chat').send(QUESTION).expect(200);
    expect(computed.body.answered).toBe(true);
    expect((await health(first)).responseCache).toMatchObject({ kind: 'redis', misses: 1 });

    // The store is not awaited by the asker: wait until the answer is in Redis.
    await eventually(async () => {
      const served = await request(second.app).post('/api/chat').send(QUESTION).expect(200);
      expect(served.body).toEqual(computed.body);
      return (await health(second)).responseCache.sharedHits === 1;
    });

    // Another mode is another answer: not served from the cache.
    const before = (await health(second)).responseCache.misses;
    await request(second.app)
      .post('/api/chat')
      .send({ ...QUESTION, mode: 'citizen' })
      .expect(200);
    expect((await health(second)).responseCache.misses).toBe(before + 1);
  });

  it('keeps answering while Redis is down (limits off, one warning) and shares again when it returns', async () => {
    await redis.stop();
    try {
      for (const instance of instances)
        await eventually(async () => (await health(instance)).redis === 'unreachable');

      // No 5xx: every request is answered, chat with a real quoted answer, and the limit is not enforced.
      for (const [index, instance] of instances.entries()) {
        const chat = await request(instance.app)
          .post('/api/chat')
          .send({ message: DURING_OUTAGE[index], mode: 'citizen' })
          .expect(200);
        expect(chat.body.answered).toBe(true);
        expect(chat.body.answer).toMatch(/〔第\d+条〕/);
      }
      expect(await spread(LIMIT * 2)).toEqual(Array(LIMIT * 2).fill(200));

      // The outage is logged once per instance, not once per request.
      for (const instance of instances) {
        const warnings = instance.logs.filter(
          (line) => line.level === WARN && line.msg.startsWith('Redis is unreachable'),
        );
        expect(warnings).toHaveLength(1);
        expect(instance.logs.some((line) => line.level > WARN)).toBe(false);
      }
    } finally {
      await redis.start();
    }

    for (const instance of instances)
      await eventually(async () => (await health(instance)).redis === 'connected');
    // Redis came back empty: one shared limit again, counted from zero.
    expect(await spread(LIMIT + 2)).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    for (const instance of instances)
      expect(instance.logs.some((line) => line.msg.startsWith('Redis is reachable again'))).toBe(
        true,
      );
  });
});
