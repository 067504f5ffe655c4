import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { load, type LoadRequest } from './http-load.ts';

/** Where the bench server is bundled (inside the project, where node finds node_modules; git-ignored). */
const BENCH_BUILD_DIR = path.join('.build', 'bench');

/** Bench servers started by this process so far (each is bundled into a directory of its own). */
let benchServers = 0;

/** Resident set and V8 heap of the server process, in MB. */
async function memory(
  origin: string,
  afterFullGc = false,
): Promise<{ rssMb: number; heapUsedMb: number }> {
  const response = await fetch(`${origin}/rss${afterFullGc ? '?gc=1' : ''}`);
  const { rss, heapUsed } = (await response.json()) as { rss: number; heapUsed: number };
  return { rssMb: Math.round(rss / 2 ** 20), heapUsedMb: Math.round(heapUsed / 2 ** 20) };
}

/** CPU time the server process has used so far (user + system), in microseconds. */
export async function cpuMicros(origin: string): Promise<number> {
  const response = await fetch(`${origin}/rss`);
  return ((await response.json()) as { cpuMicros: number }).cpuMicros;
}

/**
 * The bench server (bench-server.ts) in its own process, with `env` on top of this environment: bundled and run on
 * plain node as npm start runs the server (server/bundle-server.mjs), so that its memory is what a deployment sees.
 */
export async function startBenchServer(env: Record<string, string>) {
  // Each server its own bundle: bundling empties its directory, and a server still running (the question-log bench
  // runs two) loads some chunks only on demand.
  benchServers += 1;
  const buildDir = path.join(BENCH_BUILD_DIR, `${process.pid}-${benchServers}`);
  execFileSync(
    process.execPath,
    [
      path.join(PROJECT_ROOT, 'server', 'bundle-server.mjs'),
      '--entry',
      path.join('evals', 'bench', 'bench-server.ts'),
      '--outdir',
      buildDir,
    ],
    { cwd: PROJECT_ROOT, stdio: 'inherit' },
  );
  const child = spawn(
    process.execPath,
    ['--expose-gc', path.join(PROJECT_ROOT, buildDir, 'bench-server.js')],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const { appPort, barePort } = JSON.parse(line.toString()) as {
      appPort: number;
      barePort: number;
    };
    return {
      app: `http://127.0.0.1:${appPort}`,
      bare: `http://127.0.0.1:${barePort}`,
      stop: () => {
        child.kill();
        rmSync(path.join(PROJECT_ROOT, buildDir), { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill();
    rmSync(path.join(PROJECT_ROOT, buildDir), { recursive: true, force: true });
    throw error;
  }
}

/** The dataset questions as chat requests, asked in turn by staff, residents and trainers. */
function chatRequests(questions: string[]): LoadRequest[] {
  const modes = ['staff', 'citizen', 'trainer'] as const;
  return questions.map((message, index) => ({
    method: 'POST',
    path: '/api/chat',
    body: JSON.stringify({ message, mode: modes[index % modes.length] }),
  }));
}

/**
 * What a deployment serves: mostly chat, then searches, articles and health checks, interleaved (per 20 requests:
 * 14 chat, 3 search, 2 article, 1 health).
 */
function mixedRequests(questions: string[]): LoadRequest[] {
  const chat = chatRequests(questions);
  const mixed: LoadRequest[] = [];
  for (let index = 0; index < questions.length; index += 1) {
    const slot = index % 20;
    if (slot < 14) mixed.push(chat[index]!);
    else if (slot < 17)
      mixed.push({
        method: 'GET',
        path: `/api/search?q=${encodeURIComponent(questions[index]!)}&k=5`,
      });
    else if (slot < 19) mixed.push({ method: 'GET', path: `/api/articles/${(index % 36) + 1}` });
    else mixed.push({ method: 'GET', path: '/healthz' });
  }
  return mixed;
}

export interface HttpBenchOptions {
  seconds: number;
  responseCacheSize: number;
  /** Mixed requests after the timed runs, in batches of 10,000 (memory is read after each). */
  mixedRequests: number;
  /** The mixed run stops after the batch that passes this many seconds. */
  mixedMaxSeconds: number;
  /** Memory is read once more after this many idle seconds. */
  settleSeconds: number;
  /** More environment for the server (e.g. MALLOC_TRIM_THRESHOLD_). */
  env?: Record<string, string>;
}

/**
 * In one server process (the real app, offline, on loopback): a bare Express endpoint returning fixed JSON, then
 * /api/chat, both at 50 connections for the same time, so that their ratio holds on a busy machine; then memory
 * after start and over a bounded run of mixed requests (flat figures mean nothing accumulates per request).
 */
export async function benchHttp(questions: string[], options: HttpBenchOptions) {
  const server = await startBenchServer({
    RESPONSE_CACHE_SIZE: String(options.responseCacheSize),
    ...options.env,
  });
  try {
    const { app, bare: bareOrigin } = server;
    const chat = chatRequests(questions);
    // Warm-up: every question twice, so that the timed run measures a warm process.
    await load(app, chat, { connections: 4, amount: chat.length * 2 });
    const afterStart = await memory(bareOrigin);
    const afterStartFullGc = await memory(bareOrigin, true);
    const bareRequests: LoadRequest[] = chat.map((request) => ({ ...request, path: '/bare' }));
    const bare = await load(bareOrigin, bareRequests, {
      connections: 50,
      duration: options.seconds,
    });
    const chatResult = await load(app, chat, { connections: 50, duration: options.seconds });

    const mixed = mixedRequests(questions);
    const batches: Array<{ requests: number; rssMb: number; heapUsedMb: number }> = [];
    const started = performance.now();
    let sent = 0;
    while (sent < options.mixedRequests) {
      const amount = Math.min(10_000, options.mixedRequests - sent);
      const result = await load(app, mixed, { connections: 50, amount });
      sent += amount;
      batches.push({ requests: sent, ...(await memory(bareOrigin)) });
      if (result.non2xx + result.errors > 0)
        throw new Error(`mixed load: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
      if ((performance.now() - started) / 1000 > options.mixedMaxSeconds) break;
    }
    // Right after a batch, the heap still holds the garbage of the last requests; V8 returns it when the load stops.
    await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1000));
    const settled = await memory(bareOrigin);
    // Not what the process holds (V8 collects when it chooses), but whether anything accumulates per request.
    const afterFullGc = await memory(bareOrigin, true);
    return {
      bare,
      chat: chatResult,
      throughputRatio: chatResult.requestsPerSecond / bare.requestsPerSecond,
      memory: {
        afterStart,
        afterStartFullGc,
        afterMixed: batches,
        growthMb: (batches.at(-1)?.rssMb ?? afterStart.rssMb) - afterStart.rssMb,
        settledAfterMixed: { seconds: options.settleSeconds, ...settled },
        settledGrowthMb: settled.rssMb - afterStart.rssMb,
        afterFullGc,
      },
    };
  } finally {
    server.stop();
  }
}
