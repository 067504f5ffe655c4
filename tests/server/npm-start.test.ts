// `npm start` as a user runs it: server/bundle-server.mjs bundles the server, plain node runs the bundle. The bundle
// must find everything the sources find (the document, the data files, the prompts, the page, the question log's
// migrations) and load on demand what it leaves out of the start (the office writers).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { PPTX_CONTENT_TYPE } from '../../server/office/office-content-types.ts';
import { makeTempDir } from '../helpers/plan-index.ts';
import { freePort } from '../helpers/postgres-server.ts';

let child: ChildProcess;
let origin: string;
let cleanup: () => Promise<void>;
let output = '';

async function waitForHealth(deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`npm start did not become ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  const temp = await makeTempDir('plan-npm-start-');
  cleanup = temp.cleanup;
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    // Its own process group, so that npm, the shell and the server stop together.
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      // A fresh clone has no index: npm start builds it.
      INDEX_DIR: path.join(temp.dir, 'index'),
      QUESTION_LOG: 'on',
      DATA_DIR: path.join(temp.dir, 'data'),
      DATABASE_URL: '',
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      EMBEDDING_MODEL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (part: Buffer) => (output += part.toString()));
  child.stderr!.on('data', (part: Buffer) => (output += part.toString()));
  await waitForHealth(Date.now() + 120_000);
}, 150_000);

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = once(child, 'exit');
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  await cleanup?.();
});

describe('npm start', () => {
  it('serves the chat page', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('规划问答');
  });

  it('answers a question with a verbatim, cited quote', async () => {
    const response = await fetch(`${origin}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: '城区清洁供暖要达到什么程度？', mode: 'staff' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      answered: boolean;
      answer: string;
      answerId?: string;
    };
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('推动城区基本实现清洁供暖全覆盖');
    expect(body.answer).toContain('〔第23条〕');
    // The question log (SQLite, created by its migrations, which the bundle must find) takes a vote on it.
    const vote = await fetch(`${origin}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answerId: body.answerId, rating: 'up' }),
    });
    expect(vote.status).toBe(200);
  });

  it('writes a slide deck, loading the office writer on demand', async () => {
    const response = await fetch(`${origin}/api/study?format=pptx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ part: 7 }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PPTX_CONTENT_TYPE);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});
