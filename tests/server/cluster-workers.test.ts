// `npm start` with WEB_CONCURRENCY=2, as a deployer runs it (server/main.ts in its own process, the index already on
// disk): two workers answer on one port, a worker that dies is logged and replaced while the other keeps
// answering, both write the one SQLite question log, and SIGTERM stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { buildPlanIndex, makeTempDir, type BuiltIndex } from '../helpers/plan-index.ts';
import { freePort } from '../helpers/postgres-server.ts';

const ADMIN_TOKEN = 'cluster-test-admin-token';
const QUESTIONS = ['生态环境怎么改善？', '如何推进新能源产业发展？', '怎样推进乌海湖生态保护？'];

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

interface Health {
  worker: { id: number; pid: number };
  responseCache: { misses: number };
}

describe('npm start with WEB_CONCURRENCY=2', () => {
  let built: BuiltIndex;
  let data: { dir: string; cleanup: () => Promise<void> };
  let server: ChildProcess;
  let exited: Promise<unknown[]>;
  let port: number;
  const logs: Array<Record<string, unknown>> = [];

  /** One request on its own connection, so that the cluster hands it to the next worker in turn. */
  function call(method: string, url: string, body?: unknown, token?: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const sent = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: url,
          method,
          agent: false,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (part: string) => (text += part));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** The workers that answered /healthz over `rounds` fresh connections, by pid. */
  async function workersSeen(rounds: number): Promise<Map<number, Health>> {
    const seen = new Map<number, Health>();
    for (let round = 0; round < rounds; round += 1) {
      const health = (await call('GET', '/healthz')).body as unknown as Health;
      seen.set(health.worker.pid, health);
    }
    return seen;
  }

  async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the condition did not hold in time');
  }

  beforeAll(async () => {
    [built, data] = await Promise.all([buildPlanIndex(), makeTempDir('plan-cluster-data-')]);
    port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'main.ts')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEB_CONCURRENCY: '2',
        INDEX_DIR: built.indexDir,
        DATA_DIR: data.dir,
        ADMIN_TOKEN,
        QUESTION_LOG: 'on',
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'info',
        REDIS_URL: '',
        DATABASE_URL: '',
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        EMBEDDER: '',
        EMBEDDING_MODEL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    exited = once(server, 'exit');
    let buffered = '';
    server.stdout!.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (part: string) => {
        buffered += part;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
          else if (line.includes('is running at')) resolve();
        }
      });
      void exited.then(([code]) => reject(new Error(`the server exited (${String(code)})`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGKILL');
      await exited;
    }
    await data?.cleanup();
    await built?.cleanup();
  });

  it(
    'answers from two workers, replaces one that dies, logs both, and stops on SIGTERM',
    { timeout: 120_000 },
    async () => {
      // Both workers listen on the one port and both answer chat.
      const before = await eventually(async () => {
        const seen = await workersSeen(4);
        return seen.size === 2 ? seen : undefined;
      });
      for (const message of [...QUESTIONS, ...QUESTIONS]) {
        const reply = await call('POST', '/api/chat', { message, mode: 'citizen' });
        expect(reply.status).toBe(200);
        expect(reply.body.answered).toBe(true);
      }
      const afterChat = await workersSeen(4);
      expect([...afterChat.values()].every((health) => health.responseCache.misses > 0)).toBe(true);

      // Kill one worker: the primary logs its exit and starts another; the server answers throughout.
      const [killed, survivor] = [...before.keys()] as [number, number];
      process.kill(killed, 'SIGKILL');
      // A connection handed to the worker in the instant it died is lost with it; once the primary has seen the
      // exit, every request is answered.
      await eventually(async () =>
        logs.find((line) => line.msg === 'worker exited; starting a replacement'),
      );
      const replaced = await eventually(async () => {
        const reply = await call('POST', '/api/chat', { message: QUESTIONS[0], mode: 'staff' });
        expect(reply.status).toBe(200);
        const seen = await workersSeen(2);
        return [...seen.keys()].find((pid) => pid !== killed && pid !== survivor);
      });
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 50,
          msg: 'worker exited; starting a replacement',
          workerPid: killed,
          signal: 'SIGKILL',
        }),
      );
      expect(logs).toContainEqual(
        expect.objectContaining({ msg: 'worker listening', workerPid: replaced }),
      );

      // Every question asked reached the one SQLite log, whichever worker answered it (batches land within a second).
      const asked = QUESTIONS.length * 2;
      await eventually(async () => {
        const summary = await call('GET', '/api/admin/summary', undefined, ADMIN_TOKEN);
        expect(summary.status).toBe(200);
        const totals = summary.body.totals as { questions: number };
        return totals.questions >= asked + 1 ? totals : undefined;
      });

      server.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(logs.filter((line) => line.msg === 'worker stopped')).toHaveLength(2);
    },
  );
});
