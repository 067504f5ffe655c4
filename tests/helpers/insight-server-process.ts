// A server in its own process, for tests that SIGKILL it or run two side by side: the real wiring from the
// environment (loadConfig → createServices with the question log → createApp), as server/main.ts does, minus the
// page build. Listens on a free loopback port and prints {"port": N} on stdout.
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/create-logger.ts';
import { createServices } from '../../server/create-services.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = await createServices(config, logger);
  const app = createApp({
    retriever: services.retriever,
    document: services.index.document,
    manifest: services.index.manifest,
    chat: services.chat,
    policy: services.policy,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    corsOrigins: config.corsOrigins,
    insight: services.insight,
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(`${JSON.stringify({ port })}\n`);
  });
  process.on('SIGTERM', () =>
    server.close(async () => {
      await services.insight?.close().catch(() => {});
      process.exit(0);
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
