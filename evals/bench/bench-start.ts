import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { DEFAULT_SOURCE_FILE, PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { percentile } from '../metrics/retrieval-metrics.ts';

/** A port free on loopback right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resident set of a process and all its descendants, in MB (Linux /proc; null elsewhere). */
function treeRssMb(rootPid: number): number | null {
  try {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // The command name (field 2) may hold spaces; the parent id is the second field after it.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended while we looked.
      }
    }
    const tree = new Set([rootPid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, parent] of parents)
        if (tree.has(parent) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
    }
    let kb = 0;
    for (const pid of tree) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/**
 * `npm start`'s server with an index already on disk, as npm start runs it: bundled once (server/bundle-server.mjs,
 * timed on its own), then on plain node; the time from spawning it to its first successful /healthz and to its first
 * answer, and its resident set at each (of the process and its children). Medians of `runs`.
 */
export async function benchStart(
  runs: number,
  timeoutSeconds = 60,
  extraEnv: Record<string, string> = {},
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-bench-start-'));
  const indexDir = path.join(dir, 'index');
  try {
    await ingest({
      sourceFile: DEFAULT_SOURCE_FILE,
      indexDir,
      embedder: new OfflineHashEmbedder(),
    });
    const bundleStarted = performance.now();
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'server', 'bundle-server.mjs')], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    const bundleMs = Math.round(performance.now() - bundleStarted);
    const readyMs: number[] = [];
    const rssMb: number[] = [];
    const firstAnswerMs: number[] = [];
    const rssMbAnswered: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const port = await freePort();
      const started = performance.now();
      const child = spawn(
        process.execPath,
        [path.join(PROJECT_ROOT, '.build', 'server', 'main.js')],
        {
          cwd: PROJECT_ROOT,
          env: {
            ...process.env,
            PORT: String(port),
            HOST: '127.0.0.1',
            INDEX_DIR: indexDir,
            EMBEDDER: 'offline',
            EMBEDDING_MODEL: '',
            OPENAI_API_KEY: '',
            OPENAI_BASE_URL: '',
            LOG_LEVEL: 'silent',
            ...extraEnv,
          },
          stdio: 'ignore',
        },
      );
      try {
        for (;;) {
          if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
          if ((performance.now() - started) / 1000 > timeoutSeconds)
            throw new Error(`the server was not ready within ${timeoutSeconds} s`);
          const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (response) => response.ok,
            () => false,
          );
          if (ok) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        readyMs.push(performance.now() - started);
        const rssReady = treeRssMb(child.pid!);
        if (rssReady !== null) rssMb.push(rssReady);
        // The dictionaries load with the first question: until it is answered, the server is not really ready.
        const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ message: '乌海冬天供暖有什么打算？', mode: 'citizen' }),
        });
        if (!response.ok) throw new Error(`the first question got ${response.status}`);
        await response.json();
        firstAnswerMs.push(performance.now() - started);
        const rssAnswered = treeRssMb(child.pid!);
        if (rssAnswered !== null) rssMbAnswered.push(rssAnswered);
      } finally {
        if (child.exitCode === null) {
          child.kill();
          await once(child, 'exit');
        }
      }
    }
    const median = (values: number[]) => (values.length > 0 ? percentile(values, 50) : null);
    return {
      runs,
      env: extraEnv,
      // npm start bundles the server first (once a start), then runs it: the ready times below are after the bundle.
      bundleMs,
      readyMsMedian: Math.round(percentile(readyMs, 50)),
      firstAnswerMsMedian: Math.round(percentile(firstAnswerMs, 50)),
      readyMs: readyMs.map(Math.round),
      rssMbAtReadyMedian: median(rssMb),
      rssMbAfterFirstAnswerMedian: median(rssMbAnswered),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
