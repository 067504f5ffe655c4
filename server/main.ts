import { WEB_DIST_DIR } from '../ingest/project-paths.ts';
import { buildWeb } from '../web/build.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './create-logger.ts';
import { createServices } from './create-services.ts';
import { loadGlossary } from './glossary/glossary.ts';
import { loadTopicGuide } from './topics/topic-guide.ts';

/** `npm start`: build the index if missing or stale, build the page, then serve both. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  await buildWeb(WEB_DIST_DIR);
  const app = createApp({
    retriever: services.retriever,
    document: services.index.document,
    manifest: services.index.manifest,
    chat: services.chat,
    policy: services.policy,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    webDir: WEB_DIST_DIR,
    topics: loadTopicGuide(services.index.document),
    glossary: loadGlossary(services.index.document),
    insight: services.insight,
  });
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
