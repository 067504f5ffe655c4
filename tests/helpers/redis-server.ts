// A real Redis for the tests, from the Debian package (`apt-get install redis-server`, which .ci/run does): no
// persistence, listening on a free loopback port with its files in a temporary directory, stopped and deleted
// afterwards. It can be stopped and started again on the same port, to test an outage.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './postgres-server.ts';

/** Debian's redis-server (on the PATH as `redis-server`). */
const REDIS_SERVER = 'redis-server';

export interface RedisServer {
  url: string;
  port: number;
  /** Starts the server (again) on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (SIGTERM, nothing saved); resolves once it has exited. */
  stop(): Promise<void>;
  /** Stops it and deletes its directory. */
  cleanup(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      if (child) return;
      const started = spawn(
        REDIS_SERVER,
        [
          '--save',
          '',
          '--appendonly',
          'no',
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
        ],
        { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      child = started;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        started.stdout!.setEncoding('utf8');
        started.stdout!.on('data', (part: string) => {
          output += part;
          if (output.includes('Ready to accept connections')) resolve();
        });
        started.once('error', reject);
        started.once('exit', (code) => {
          child = null;
          reject(new Error(`redis-server exited (${String(code)}): ${output.slice(-500)}`));
        });
      });
      started.stdout!.resume();
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, 'exit');
      running.kill('SIGTERM');
      await exited;
      child = null;
    },
    async cleanup() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await server.start();
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return server;
}
