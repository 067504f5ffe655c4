import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { WEB_DIST_DIR } from '../ingest/project-paths.ts';
import { createApp } from './app.ts';
import type { AppConfig } from './config.ts';
import { createServices, type Services } from './create-services.ts';
import { loadGlossary } from './glossary/glossary.ts';
import { loadTopicGuide } from './topics/topic-guide.ts';

export interface PlanAppOptions {
  /** A LangChain chat model to answer with, instead of the one configured by OPENAI_* (or none: offline). */
  chatModel?: BaseChatModel;
  /** The built chat page (served when the directory exists); web/dist when absent. */
  webDir?: string;
}

/** Everything `npm start` serves, from configuration: the services, the topic guide, the glossary and the page. */
export async function createPlanApp(
  config: AppConfig,
  logger: Logger,
  options: PlanAppOptions = {},
): Promise<{ app: Express; services: Services }> {
  const services = await createServices(config, logger, { chatModel: options.chatModel });
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
    webDir: options.webDir ?? WEB_DIST_DIR,
    topics: loadTopicGuide(services.index.document),
    glossary: loadGlossary(services.index.document),
    insight: services.insight,
    rateLimitStore: (prefix) => services.shared.rateLimitStore(prefix),
    sharedStatus: () => services.shared.status(),
  });
  return { app, services };
}
