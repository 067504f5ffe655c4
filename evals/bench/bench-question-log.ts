import { cpuMicros, startBenchServer } from './bench-http.ts';
import { load, type LoadRequest } from './http-load.ts';

type Setting = 'off' | 'on';
const SETTINGS = ['off', 'on'] as const;

interface Run {
  requestsPerSecond: number;
  /** The server's CPU time per chat request. */
  cpuMsPerRequest: number;
  p99LatencyMs: number;
  failed: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Chat throughput with the question log off and on (SQLite in a temporary DATA_DIR), with and without the response
 * cache. The two servers run side by side and are loaded at the same moment (25 connections each), so that
 * whatever else the machine is doing slows both alike; the ratio of their throughputs is what the log costs.
 * Each figure is the median of `rounds` runs.
 */
export async function benchQuestionLog(questions: string[], seconds: number, rounds = 3) {
  const chat: LoadRequest[] = questions.map((message) => ({
    method: 'POST',
    path: '/api/chat',
    body: JSON.stringify({ message, mode: 'staff' }),
  }));
  const report: Record<string, unknown> = {};
  for (const [name, cacheSize] of [
    ['cached', 500],
    ['uncached', 0],
  ] as const) {
    const servers = await Promise.all(
      SETTINGS.map((questionLog) =>
        startBenchServer({ QUESTION_LOG: questionLog, RESPONSE_CACHE_SIZE: String(cacheSize) }),
      ),
    );
    const runs: Record<Setting, Run[]> = { off: [], on: [] };
    try {
      for (const server of servers)
        await load(server.app, chat, { connections: 4, amount: chat.length * 2 });
      for (let round = 0; round < rounds; round += 1) {
        const results = await Promise.all(
          servers.map(async (server) => {
            const cpuBefore = await cpuMicros(server.bare);
            const result = await load(server.app, chat, {
              connections: 25,
              duration: seconds,
            });
            const cpu = (await cpuMicros(server.bare)) - cpuBefore;
            return {
              requestsPerSecond: result.requestsPerSecond,
              cpuMsPerRequest: cpu / 1000 / Math.max(1, result.total),
              p99LatencyMs: result.latencyMs.p99,
              failed: result.non2xx + result.errors,
            };
          }),
        );
        SETTINGS.forEach((setting, index) => runs[setting].push(results[index]!));
      }
    } finally {
      for (const server of servers) server.stop();
    }
    const of = (setting: Setting, field: keyof Run) =>
      median(runs[setting].map((run) => run[field]));
    const ratios = runs.on.map(
      (run, index) => run.requestsPerSecond / (runs.off[index]?.requestsPerSecond ?? 1),
    );
    report[name] = {
      requestsPerSecond: {
        off: Math.round(of('off', 'requestsPerSecond')),
        on: Math.round(of('on', 'requestsPerSecond')),
      },
      /** Per round, on / off: within 10 % means at least 0.9. */
      throughputOnOverOff: ratios.map((ratio) => Number(ratio.toFixed(3))),
      medianOnOverOff: Number(median(ratios).toFixed(3)),
      cpuMsPerRequest: {
        off: Number(of('off', 'cpuMsPerRequest').toFixed(3)),
        on: Number(of('on', 'cpuMsPerRequest').toFixed(3)),
      },
      p99LatencyMs: { off: of('off', 'p99LatencyMs'), on: of('on', 'p99LatencyMs') },
      failed: [...runs.off, ...runs.on].reduce((sum, run) => sum + run.failed, 0),
    };
  }
  return report;
}
