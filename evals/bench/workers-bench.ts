import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { loadDataset } from '../dataset.ts';
import { load, type LoadRequest } from './http-load.ts';

const CONNECTIONS = 50;

/**
 * The real server as npm start runs it (the bundle server/bundle-server.mjs writes to .build/server, on plain node)
 * with `workers` workers on a free port; resolves once it answers.
 */
async function startServer(workers: number, indexDir: string) {
  const child = spawn(process.execPath, [path.join('.build', 'server', 'main.js')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_CONCURRENCY: String(workers),
      INDEX_DIR: indexDir,
      // Every request computed: no response cache, no rate limit, no question log, offline, quiet.
      RESPONSE_CACHE_SIZE: '0',
      RATE_LIMIT_PER_MINUTE: '0',
      QUESTION_LOG: 'off',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      EMBEDDER: 'offline',
      EMBEDDING_MODEL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (part: string) => {
      output += part;
      const match = /is running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    void exited.then(([code]) => reject(new Error(`the server exited (${String(code)})`)));
  });
  child.stdout.resume();
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Uncached /api/chat at 50 connections for `seconds`, with `workers` workers. */
async function measure(
  workers: number,
  indexDir: string,
  requests: LoadRequest[],
  seconds: number,
) {
  const server = await startServer(workers, indexDir);
  try {
    // Warm-up: every worker loads its lazy parts before the measured run.
    await load(server.origin, requests, { connections: 4 * workers, amount: requests.length * 2 });
    const result = await load(server.origin, requests, {
      connections: CONNECTIONS,
      duration: seconds,
    });
    return {
      workers,
      requestsPerSecond: Math.round(result.requestsPerSecond),
      latencyMs: { p50: result.latencyMs.p50, p97_5: result.latencyMs.p97_5 },
      non2xx: result.non2xx,
      errors: result.errors,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Uncached chat with one worker and with two (WEB_CONCURRENCY), the real server on loopback, one after the other in
 * the same run: requests per second, median and 97.5th-percentile latency, and the ratio of two workers to one.
 */
export async function benchWorkers(questions: string[], seconds: number) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-bench-workers-'));
  try {
    const indexDir = path.join(dir, 'index');
    const requests: LoadRequest[] = questions.map((message) => ({
      method: 'POST',
      path: '/api/chat',
      body: JSON.stringify({ message, mode: 'staff' }),
    }));
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'server', 'bundle-server.mjs')], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    const one = await measure(1, indexDir, requests, seconds);
    const two = await measure(2, indexDir, requests, seconds);
    return {
      cores: availableParallelism(),
      connections: CONNECTIONS,
      seconds,
      oneWorker: one,
      twoWorkers: two,
      ratio: Number((two.requestsPerSecond / one.requestsPerSecond).toFixed(2)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } });
  const questions = loadDataset(
    path.join(PROJECT_ROOT, 'evals', 'datasets', 'questions.jsonl'),
  ).map((item) => item.question);
  console.log(JSON.stringify(await benchWorkers(questions, Number(values.seconds)), null, 2));
}
