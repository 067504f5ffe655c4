// WEB_CONCURRENCY and REDIS_URL, read once by loadConfig like every other variable; the primary's restart delay.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  FIRST_RESTART_DELAY_MS,
  MAX_RESTART_DELAY_MS,
  restartDelayMs,
} from '../../server/cluster/restart-delay.ts';
import { loadConfig } from '../../server/config.ts';
import { configProblem as problem } from '../helpers/config-problem.ts';

describe('WEB_CONCURRENCY and REDIS_URL', () => {
  it('default to one process and nothing shared; empty values count as unset', () => {
    for (const env of [{}, { WEB_CONCURRENCY: '', REDIS_URL: ' ' }]) {
      const config = loadConfig(env);
      expect(config.workers).toBe(1);
      expect(config.redis).toBeNull();
      expect(config.insight.store).not.toHaveProperty('busyTimeoutMs');
    }
  });

  it('reads a number of workers, or auto for one per core', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '3' }).workers).toBe(3);
    expect(loadConfig({ WEB_CONCURRENCY: 'auto' }).workers).toBe(availableParallelism());
  });

  it('lets the workers of a cluster wait briefly for each other on the SQLite question log', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '2' }).insight.store).toMatchObject({
      kind: 'sqlite',
      busyTimeoutMs: 100,
    });
  });

  it('refuses a bad WEB_CONCURRENCY, naming the variable', () => {
    for (const value of ['0', '-2', '1.5', 'two', 'all', '65'])
      expect(problem({ WEB_CONCURRENCY: value })).toMatch(/WEB_CONCURRENCY must be/);
  });

  it('reads REDIS_URL, and refuses what is not a Redis URL', () => {
    expect(loadConfig({ REDIS_URL: 'redis://:secret@cache:6379/2' }).redis).toEqual({
      url: 'redis://:secret@cache:6379/2',
    });
    expect(loadConfig({ REDIS_URL: 'rediss://cache.example.com' }).redis).not.toBeNull();
    for (const value of ['localhost:6379', 'http://cache:6379', 'redis://'])
      expect(problem({ REDIS_URL: value })).toMatch(/REDIS_URL must be a Redis URL/);
  });
});

describe('restartDelayMs', () => {
  const now = 1_000_000;

  it('replaces a worker that died for the first time in a minute almost at once', () => {
    expect(restartDelayMs([now], now)).toBe(FIRST_RESTART_DELAY_MS);
    expect(restartDelayMs([now - 120_000, now], now)).toBe(FIRST_RESTART_DELAY_MS);
  });

  it('waits twice as long for each further exit in the last minute, up to the maximum', () => {
    expect(restartDelayMs([now - 2000, now - 1000, now], now)).toBe(FIRST_RESTART_DELAY_MS * 4);
    const crashLoop = Array.from({ length: 30 }, (_, index) => now - index * 100);
    expect(restartDelayMs(crashLoop, now)).toBe(MAX_RESTART_DELAY_MS);
  });
});
