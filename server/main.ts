import { stop as stopEsbuild } from 'esbuild';
import { WEB_DIST_DIR } from '../ingest/project-paths.ts';
import { buildWeb } from '../web/build.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './create-logger.ts';
import { createPlanApp } from './create-plan-app.ts';

/**
 * `npm start` (bundled by server/bundle-server.mjs, run on plain node): build the page, build the index if missing or
 * stale, then serve both.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  await buildWeb(WEB_DIST_DIR);
  // esbuild's service process (~20 MB) has nothing more to do once the page is built.
  await stopEsbuild();
  const { app, services } = await createPlanApp(config, logger, { webDir: WEB_DIST_DIR });
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host =
      config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    logger.info({ provider: services.chat.provider }, 'server started');
    console.log(
      `规划问答 is running at http://${host}:${port}  (provider: ${services.chat.provider})`,
    );
  });
  const shutdown = () =>
    server.close(async () => {
      // The question log's queue is written before the process exits.
      await services.insight?.close().catch(() => {});
      process.exit(0);
    });
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
