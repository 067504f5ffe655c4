// The question log across real server processes. SIGKILL in the middle of a 10,000-request run (chat and
// feedback on loopback) loses no vote that was acknowledged with 2xx, and the database opens cleanly afterwards,
// on SQLite and on PostgreSQL. Two processes on one PostgreSQL both write, and each one's reports show both.
import { once } from 'node:events';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import type { AdminSummary } from '../../core/wire/insight-wire.ts';
import {
  ADMIN_TOKEN,
  InsightStores,
  STORE_KINDS,
  type StoreKind,
} from '../helpers/insight-stores.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

const TOTAL_REQUESTS = 10_000;
/** Responses before the kill: the run is cut with most of it still to come and requests in flight. */
const KILL_AFTER = 3_000;
const CONCURRENCY = 16;
const QUESTIONS = [
  '第12条讲什么？',
  '看病方面有什么新变化？',
  '冬天取暖有什么打算？',
  '火星移民计划是什么？',
  '找工作有哪些支持？',
  '黄河乌海段水质目标是什么？',
  '市长是谁？',
  '孩子上学会有哪些变化？',
];

interface Vote {
  rating: 'up' | 'down';
  comment: string | null;
}

let built: BuiltIndex;
const stores = new InsightStores();
const processes: ServerProcess[] = [];

beforeAll(async () => {
  built = await buildPlanIndex();
});
afterAll(async () => {
  for (const server of processes) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await stores.close();
  await built?.cleanup();
});

async function serve(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({ ...env, INDEX_DIR: built.indexDir, ADMIN_TOKEN });
  processes.push(server);
  return server;
}

const json = { 'Content-Type': 'application/json' };

async function chat(origin: string, message: string): Promise<string> {
  const response = await fetch(`${origin}/api/chat`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ message }),
  });
  if (response.status !== 200) throw new Error(`chat answered ${response.status}`);
  return ((await response.json()) as { answerId: string }).answerId;
}

async function vote(origin: string, answerId: string, ballot: Vote): Promise<number> {
  const response = await fetch(`${origin}/api/feedback`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      answerId,
      rating: ballot.rating,
      ...(ballot.comment ? { comment: ballot.comment } : {}),
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function adminGet<T>(origin: string, path: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/**
 * Runs up to TOTAL_REQUESTS requests, CONCURRENCY at a time: chats, and votes on the answers they return (each
 * answer voted once, so what the database must hold is exact). SIGKILLs the server after KILL_AFTER responses.
 */
async function runAndKill(
  server: ServerProcess,
): Promise<{ acked: Map<string, Vote>; failuresBeforeKill: string[] }> {
  const acked = new Map<string, Vote>();
  const unvoted: string[] = [];
  const failuresBeforeKill: string[] = [];
  let issued = 0;
  let completed = 0;
  let killed = false;
  const worker = async () => {
    while (issued < TOTAL_REQUESTS && !killed) {
      const index = issued++;
      const answerId = index % 2 === 1 ? unvoted.shift() : undefined;
      try {
        if (answerId) {
          const ballot: Vote = {
            rating: index % 3 === 0 ? 'up' : 'down',
            comment: index % 4 === 1 ? `第${index}票：'引号' "双引号" ; -- ?` : null,
          };
          const status = await vote(server.origin, answerId, ballot);
          if (status === 200) acked.set(answerId, ballot);
          else if (!killed) failuresBeforeKill.push(`feedback ${status}`);
        } else {
          unvoted.push(await chat(server.origin, QUESTIONS[index % QUESTIONS.length]!));
        }
      } catch (error) {
        if (!killed) failuresBeforeKill.push(String(error));
        return;
      }
      completed += 1;
      if (completed === KILL_AFTER && !killed) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  if (server.child.exitCode === null && server.child.signalCode === null)
    await once(server.child, 'exit');
  return { acked, failuresBeforeKill };
}

async function storedVotes(
  kind: StoreKind,
  env: Record<string, string>,
): Promise<Map<string, Vote>> {
  const where = loadConfig(env).insight.store;
  let rows: Array<{ answer_id: string; rating: 'up' | 'down'; comment: string | null }>;
  if (where.kind === 'sqlite') {
    const db = new Database(where.file);
    try {
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      rows = db.prepare('SELECT answer_id, rating, comment FROM feedback').all() as typeof rows;
    } finally {
      db.close();
    }
  } else {
    const client = new pg.Client({ connectionString: where.url });
    await client.connect();
    try {
      rows = (
        await client.query<(typeof rows)[number]>('SELECT answer_id, rating, comment FROM feedback')
      ).rows;
    } finally {
      await client.end();
    }
  }
  expect(kind).toBe(where.kind);
  return new Map(rows.map((row) => [row.answer_id, { rating: row.rating, comment: row.comment }]));
}

describe.each(STORE_KINDS)(
  'a server killed with SIGKILL mid-run, on %s',
  { timeout: 240_000 },
  (kind) => {
    it('loses no acknowledged vote, and the database opens cleanly afterwards', async () => {
      const env = await stores.env(kind);
      const server = await serve(env);
      const { acked, failuresBeforeKill } = await runAndKill(server);
      expect(failuresBeforeKill).toEqual([]);
      expect(server.child.signalCode).toBe('SIGKILL');
      expect(acked.size).toBeGreaterThan(KILL_AFTER / 4);

      const stored = await storedVotes(kind, env);
      const lost = [...acked].filter(([answerId, ballot]) => {
        const row = stored.get(answerId);
        return row?.rating !== ballot.rating || row.comment !== ballot.comment;
      });
      expect(lost).toEqual([]);

      // A new server on the same database starts, reads what the old one left, and takes votes.
      const restarted = await serve(env);
      const summary = await adminGet<AdminSummary>(restarted.origin, '/api/admin/summary');
      expect(summary.feedback.up + summary.feedback.down).toBe(stored.size);
      const [answerId] = [...acked.keys()];
      expect(await vote(restarted.origin, answerId!, { rating: 'up', comment: null })).toBe(200);
      await restarted.stop();
    });
  },
);

describe('two server processes on one PostgreSQL', { timeout: 240_000 }, () => {
  it('both write, and the reports of each show both', async () => {
    const env = await stores.env('postgres');
    const [first, second] = await Promise.all([serve(env), serve(env)]);
    const fromFirst = await chat(first!.origin, '火星移民计划是什么？');
    const fromSecond = await chat(second!.origin, '乌海的房价是多少？');
    // Each vote goes to the other process, as a balancer may send it.
    expect(
      await vote(second!.origin, fromFirst, { rating: 'down', comment: '一号实例的回答' }),
    ).toBe(200);
    expect(
      await vote(first!.origin, fromSecond, { rating: 'down', comment: '二号实例的回答' }),
    ).toBe(200);

    for (const server of [first!, second!]) {
      const unanswered = await adminGet<{ items: Array<{ question: string }> }>(
        server.origin,
        '/api/admin/unanswered',
      );
      expect(unanswered.items.map((item) => item.question).sort()).toEqual(
        ['乌海的房价是多少？', '火星移民计划是什么？'].sort(),
      );
      const feedback = await adminGet<{ items: Array<{ comment: string }> }>(
        server.origin,
        '/api/admin/feedback',
      );
      expect(feedback.items.map((item) => item.comment).sort()).toEqual(
        ['一号实例的回答', '二号实例的回答'].sort(),
      );
    }
    await Promise.all([first!.stop(), second!.stop()]);
  });
});
