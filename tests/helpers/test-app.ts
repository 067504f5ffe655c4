import { afterAll, beforeAll } from 'vitest';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { Insight } from '../../server/insight/insight.ts';
import { createApp } from '../../server/app.ts';
import { ChatService } from '../../server/chat/chat-service.ts';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { createChatModel } from '../../server/llm/create-chat-model.ts';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import type { AnswerPolicy } from '../../server/policy/answer-policy.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { loadGlossary } from '../../server/glossary/glossary.ts';
import { loadTopicGuide } from '../../server/topics/topic-guide.ts';
import { buildPlanIndex, type BuiltIndex } from './plan-index.ts';

export interface TestApp {
  app: Express;
  built: BuiltIndex;
  chat: ChatService;
  retriever: HybridRetriever;
  cleanup: () => Promise<void>;
}

export interface TestAppOptions {
  /** Any LangChain chat model (e.g. FakeListChatModel); offline when absent. */
  chatModel?: BaseChatModel | null;
  /** Point the configured model (ChatOpenAI, as createChatModel builds it) at this base URL (a fake server on loopback). */
  modelBaseURL?: string;
  modelTimeoutMs?: number;
  rateLimitPerMinute?: number;
  corsOrigins?: string[];
  webDir?: string;
  /** Reuse an index already built for this test file. */
  built?: BuiltIndex;
  /** An answer policy other than the shipped one (loadAnswerPolicy()). */
  policy?: AnswerPolicy;
  /** The question log (openInsight); off when absent. */
  insight?: Insight | null;
  /** A logger other than a silent one (to read what the app logs). */
  logger?: Logger;
}

/** The real Express app over a real index built in a temporary directory; logs are silenced. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const built = options.built ?? (await buildPlanIndex());
  const policy = options.policy ?? loadAnswerPolicy();
  const retriever = new HybridRetriever(built.index, built.embedder, policy);
  const chatModel =
    options.chatModel ??
    (options.modelBaseURL
      ? await createChatModel({
          chatModel: { model: 'fake-model', baseURL: options.modelBaseURL, apiKey: 'test-key' },
        })
      : null);
  const chat = new ChatService({
    retriever,
    document: built.index.document,
    chatModel,
    modelTimeoutMs: options.modelTimeoutMs ?? 2000,
    policy,
  });
  const app = createApp({
    retriever,
    document: built.index.document,
    manifest: built.index.manifest,
    chat,
    policy,
    logger: options.logger ?? pino({ level: 'silent' }),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    corsOrigins: options.corsOrigins ?? [],
    webDir: options.webDir,
    topics: loadTopicGuide(built.index.document),
    glossary: loadGlossary(built.index.document),
    insight: options.insight,
  });
  return { app, built, chat, retriever, cleanup: options.built ? async () => {} : built.cleanup };
}

/**
 * The real app over a freshly built index for the tests of one file: built before them, removed after. Read `app` and
 * `built` inside the tests (they are set once the suite starts).
 */
export function usePlanApp(options: TestAppOptions = {}): { app: Express; built: BuiltIndex } {
  const state = {} as { app: Express; built: BuiltIndex };
  beforeAll(async () => {
    state.built = await buildPlanIndex();
    state.app = (await createTestApp({ ...options, built: state.built })).app;
  });
  afterAll(async () => {
    await state.built?.cleanup();
  });
  return state;
}
