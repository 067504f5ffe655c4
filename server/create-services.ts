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

export interface Services {
  index: LoadedIndex;
  retriever: HybridRetriever;
  chat: ChatService;
  policy: AnswerPolicy;
  /** The question log and feedback store; null with QUESTION_LOG=off. */
  insight: Insight | null;
}

/** Wires the pipeline from configuration: policy → index (built if needed) → retriever → chat service with the chosen model. */
export async function createServices(
  config: AppConfig,
  logger: Logger,
  policy: AnswerPolicy = loadAnswerPolicy(),
): Promise<Services> {
  const embedder = createEmbedder(config);
  const index = await ensureIndex({
    sourceFile: config.sourceFile,
    indexDir: config.indexDir,
    embedder,
    logger,
  });
  const retriever = new HybridRetriever(index, embedder, policy);
  const chat = new ChatService({
    retriever,
    document: index.document,
    policy,
    chatModel: createChatModel(config),
    responseCacheSize: config.responseCacheSize,
    onModelFailure: (error) =>
      logger.warn({ err: error }, 'language model failed; answering offline'),
  });
  return { index, retriever, chat, policy, insight: await openInsight(config.insight, logger) };
}
