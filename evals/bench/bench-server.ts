import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createServices } from '../../server/create-services.ts';

/**
 * The server under load, in its own process so the load generator does not share its event loop: the real app
 * (offline, logs off, no rate limit) and, on a second port, a bare Express endpoint returning a fixed JSON body.
 */
async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'plan-bench-server-'));
  const config = {
    ...loadConfig({
      ...process.env,
      OPENAI_API_KEY: '',
      OPENAI_BASE_URL: '',
      EMBEDDING_MODEL: '',
      EMBEDDER: 'offline',
      // The question log (QUESTION_LOG from the parent: on or off) writes to SQLite in the temporary directory.
      DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: '',
    }),
    indexDir: path.join(dir, 'index'),
  };
  const logger = pino({ level: 'silent' });
  const services = await createServices(config, logger);
  const app = createApp({
    retriever: services.retriever,
    document: services.index.document,
    manifest: services.index.manifest,
    chat: services.chat,
    logger,
    rateLimitPerMinute: 0,
    corsOrigins: [],
    insight: services.insight,
  });
  const bare = express();
  const fixed = {
    answer: '固定回答',
    answered: true,
    citations: [],
    related: [],
    mode: 'staff',
    provider: 'bare',
  };
  bare.use(express.json());
  bare.post('/bare', (_request, response) => {
    response.json(fixed);
  });
  bare.get('/rss', (request, response) => {
    // ?gc=1 (the bench starts this process with --expose-gc): what is still held once garbage is collected.
    const collect = (globalThis as { gc?: () => void }).gc;
    if (request.query.gc === '1' && collect) {
      collect();
      collect();
    }
    const cpu = process.cpuUsage();
    response.json({
      rss: process.memoryUsage().rss,
      heapUsed: process.memoryUsage().heapUsed,
      cpuMicros: cpu.user + cpu.system,
    });
  });
  const appServer = app.listen(0, '127.0.0.1', () => {
    const bareServer = bare.listen(0, '127.0.0.1', () => {
      const port = (server: typeof appServer) => (server.address() as { port: number }).port;
      process.stdout.write(
        `${JSON.stringify({ appPort: port(appServer), barePort: port(bareServer) })}\n`,
      );
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
