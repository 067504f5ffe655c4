import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Logger } from 'pino';
import { createEmbedder } from '../ingest/embedding/create-embedder.ts';
import type { LoadedIndex } from '../ingest/indexing/read-index.ts';
import { ChatService } from './chat/chat-service.ts';
import type { AppConfig } from './config.ts';
import { ensureIndex } from './ensure-index.ts';
import { createChatModel } from './llm/create-chat-model.ts';
import type { AnswerPolicy } from './policy/answer-policy.ts';
import { loadAnswerPolicy } from './policy/load-answer-policy.ts';
import { HybridRetriever } from './retrieval/hybrid-retriever.ts';
import type { Insight } from './insight/insight.ts';
import { openInsight } from './insight/open-insight.ts';
import type { CachedAnswer } from './chat/response-cache.ts';
import type { ChatOutcome } from './chat/chat-service.ts';
import { createSharedState, type SharedState } from './shared/shared-state.ts';

export interface Retrieval {
  index: LoadedIndex;
  retriever: HybridRetriever;
  policy: AnswerPolicy;
}

export interface Services extends Retrieval {
  chat: ChatService;
  /** The question log and feedback store; null with QUESTION_LOG=off. */
  insight: Insight | null;
  /** What this process shares with the other workers and instances (rate limits, answers): see shared-state.ts. */
  shared: SharedState;
}

export interface ServiceOptions {
  policy?: AnswerPolicy;
  /** A LangChain chat model to answer with, instead of the one configured by OPENAI_* (createChatModel). */
  chatModel?: BaseChatModel;
}

/** Policy → index (built if missing or stale, as `npm start` does) → the hybrid retriever over it. */
export async function createRetrieval(
  config: Pick<AppConfig, 'sourceFile' | 'indexDir' | 'embedder' | 'openai'>,
  logger: Logger,
  policy: AnswerPolicy = loadAnswerPolicy(),
): Promise<Retrieval> {
  const embedder = createEmbedder(config);
  const index = await ensureIndex({
    sourceFile: config.sourceFile,
    indexDir: config.indexDir,
    embedder,
    logger,
  });
  return { index, retriever: new HybridRetriever(index, embedder, policy), policy };
}

/** Wires the pipeline from configuration: retrieval (above) → chat service with the given or the configured model. */
export async function createServices(
  config: AppConfig,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Services> {
  const retrieval = await createRetrieval(config, logger, options.policy);
  const shared = await createSharedState(config, logger);
  const { manifest } = retrieval.index;
  const chat = new ChatService({
    retriever: retrieval.retriever,
    document: retrieval.index.document,
    policy: retrieval.policy,
    chatModel: options.chatModel ?? (await createChatModel(config)),
    modelTimeoutMs: config.modelTimeoutMs,
    // Instances share answers only when they serve the same document with the same embedder.
    responseCache: shared.responseCache<CachedAnswer<ChatOutcome>>(
      `${manifest.source.sha256.slice(0, 16)}:${manifest.embedder.id}`,
      config.responseCacheSize,
    ),
    onModelFailure: (error) =>
      logger.warn({ err: error }, 'language model failed; answering offline'),
  });
  return { ...retrieval, chat, shared, insight: await openInsight(config.insight, logger) };
}
