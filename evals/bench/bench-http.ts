import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';

interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number };
  non2xx: number;
  errors: number;
  total: number;
}

export async function load(
  url: string,
  bodies: string[],
  options: { connections: number; duration?: number; amount?: number },
): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    ...(options.amount !== undefined
      ? { amount: options.amount }
      : { duration: options.duration ?? 10 }),
    headers: { 'content-type': 'application/json' },
    requests: [
      { setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}

/** CPU time the server process has used so far (user + system), in microseconds. */
export async function cpuMicros(port: number): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/rss`);
  return ((await response.json()) as { cpuMicros: number }).cpuMicros;
}

/** Resident set and V8 heap of the server process, in MB. */
async function memory(port: number): Promise<{ rssMb: number; heapUsedMb: number }> {
  const response = await fetch(`http://127.0.0.1:${port}/rss`);
  const { rss, heapUsed } = (await response.json()) as { rss: number; heapUsed: number };
  return { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) };
}

/** The bench server (bench-server.ts) in its own process, with `env` on top of this environment. */
export async function startBenchServer(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'evals', 'bench', 'bench-server.ts')],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const ports = JSON.parse(line.toString()) as { appPort: number; barePort: number };
    return {
      ...ports,
      chatUrl: `http://127.0.0.1:${ports.appPort}/api/chat`,
      stop: () => child.kill(),
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}

/** /api/chat (offline) against a bare endpoint at 50 connections, then memory over 4 × 10,000 chat requests; the dataset questions in rotation. */
export async function benchHttp(questions: string[], seconds: number, responseCacheSize: number) {
  const server = await startBenchServer({ RESPONSE_CACHE_SIZE: String(responseCacheSize) });
  try {
    const { chatUrl, barePort } = server;
    const bodies = questions.map((message) => JSON.stringify({ message, mode: 'staff' }));
    await load(chatUrl, bodies, { connections: 4, amount: bodies.length * 2 });
    const afterStart = await memory(barePort);
    const bare = await load(`http://127.0.0.1:${barePort}/bare`, bodies, {
      connections: 50,
      duration: seconds,
    });
    const chat = await load(chatUrl, bodies, { connections: 50, duration: seconds });
    // Memory over successive batches of 10,000 chat requests: flat figures mean nothing accumulates per request.
    const afterBatches = [];
    for (let batch = 0; batch < 4; batch += 1) {
      await load(chatUrl, bodies, { connections: 50, amount: 10_000 });
      afterBatches.push(await memory(barePort));
    }
    return {
      bare,
      chat,
      throughputRatio: chat.requestsPerSecond / bare.requestsPerSecond,
      memory: { afterStart, after10kBatches: afterBatches },
    };
  } finally {
    server.stop();
  }
}
