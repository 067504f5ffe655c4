import cluster from 'node:cluster';
import { stop as stopEsbuild } from 'esbuild';
import type { Logger } from 'pino';
import { createEmbedder } from '../ingest/embedding/create-embedder.ts';
import { WEB_DIST_DIR } from '../ingest/project-paths.ts';
import { buildWeb } from '../web/build.ts';
import { runPrimary } from './cluster/run-primary.ts';
import { loadConfig, type AppConfig } from './config.ts';
import { createLogger } from './create-logger.ts';
import { createPlanApp } from './create-plan-app.ts';
import { ensureIndex } from './ensure-index.ts';

/**
 * `npm start` (bundled by server/bundle-server.mjs, run on plain node): build the page, build the index if missing or
 * stale, then serve both. With WEB_CONCURRENCY > 1 this process is the cluster's primary: it builds both once, then
 * starts workers (the same bundle) that load the index from disk.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (cluster.isWorker) return serve(config, logger);
  await buildWeb(WEB_DIST_DIR);
  // esbuild's service process (~20 MB) has nothing more to do once the page is built.
  await stopEsbuild();
  if (config.workers <= 1) return serve(config, logger);
  await ensureIndex({
    sourceFile: config.sourceFile,
    indexDir: config.indexDir,
    embedder: createEmbedder(config),
    logger,
  });
  runPrimary({
    workers: config.workers,
    sharedThroughRedis: config.redis !== null,
    logger,
    onListening: ({ port }) => announce(config, port, `${config.workers} workers`),
  });
}

/** One server: the whole app in this process (a single process, or one worker of the cluster). */
async function serve(config: Readonly<AppConfig>, logger: Logger): Promise<void> {
  const { app, services } = await createPlanApp(config, logger, { webDir: WEB_DIST_DIR });
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ provider: services.chat.provider }, 'server started');
    if (cluster.isPrimary) announce(config, port, `provider: ${services.chat.provider}`);
  });
  let stopping = false;
  // Ctrl-C reaches the primary and every worker, and the primary then sends SIGTERM too: close once.
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    server.close(async () => {
      // The question log's queue is written before the process exits.
      await services.insight?.close().catch(() => {});
      await services.shared.close().catch(() => {});
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function announce(config: Readonly<AppConfig>, port: number, detail: string): void {
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`规划问答 is running at http://${host}:${port}  (${detail})`);
}

main().catch((error: unknown) => {
  console.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
  // A worker's channel to the primary would keep it alive: it exits, and the primary logs it and starts another.
  if (cluster.isWorker) process.exit(1);
});
