import type { LoadResult } from './http-load.ts';

interface Run {
  bare: LoadResult;
  chat: LoadResult;
  throughputRatio: number;
  memory: {
    afterStart: { rssMb: number };
    afterMixed: Array<{ requests: number; rssMb: number }>;
    growthMb: number;
    settledAfterMixed: { seconds: number; rssMb: number };
    afterStartFullGc: { heapUsedMb: number };
    afterFullGc: { heapUsedMb: number };
  };
}

const rate = (result: LoadResult) => Math.round(result.requestsPerSecond).toLocaleString('en');
const latency = (result: LoadResult) => `${result.latencyMs.p50} / ${result.latencyMs.p97_5}`;

/** The HTTP figures as the README's table: each chat run beside the bare endpoint measured in the same process. Pure. */
export function httpTable(http: { cached: Run; uncached: Run }): string {
  const memory = (run: Run) => {
    const last = run.memory.afterMixed.at(-1);
    const { settledAfterMixed: settled } = run.memory;
    return `${run.memory.afterStart.rssMb} → ${last?.rssMb ?? '–'} MB (${(last?.requests ?? 0).toLocaleString('en')} mixed) → ${settled.rssMb} MB (${settled.seconds} s idle); heap after a full GC ${run.memory.afterStartFullGc.heapUsedMb} → ${run.memory.afterFullGc.heapUsedMb} MB`;
  };
  return [
    '| | req/s | p50 / p97.5 ms | ÷ bare (same process) | RSS after start → after mixed requests → idle |',
    '|---|---|---|---|---|',
    `| bare Express (beside the cached run) | ${rate(http.cached.bare)} | ${latency(http.cached.bare)} | | |`,
    `| \`/api/chat\`, response cache on | ${rate(http.cached.chat)} | ${latency(http.cached.chat)} | ${http.cached.throughputRatio.toFixed(2)} | ${memory(http.cached)} |`,
    `| bare Express (beside the uncached run) | ${rate(http.uncached.bare)} | ${latency(http.uncached.bare)} | | |`,
    `| \`/api/chat\`, \`RESPONSE_CACHE_SIZE=0\` | ${rate(http.uncached.chat)} | ${latency(http.uncached.chat)} | ${http.uncached.throughputRatio.toFixed(2)} | ${memory(http.uncached)} |`,
  ].join('\n');
}
