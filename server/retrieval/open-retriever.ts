import type { AppConfig } from '../config.ts';
import { createEmbedder } from '../../ingest/embedding/create-embedder.ts';
import { readIndex } from '../../ingest/indexing/read-index.ts';
import { HybridRetriever } from './hybrid-retriever.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { LoadedIndex } from '../../ingest/indexing/read-index.ts';
import type { Embedder } from '../../ingest/embedding/embedder.ts';

export interface OpenedRetriever {
  retriever: HybridRetriever;
  index: LoadedIndex;
  embedder: Embedder;
}

/** Loads the configured index with the configured embedder; throws IndexLoadError (naming the rebuild command) when unusable. */
export function openRetriever(
  config: Pick<AppConfig, 'indexDir' | 'embedder' | 'openai'>,
  policy?: AnswerPolicy,
): OpenedRetriever {
  const embedder = createEmbedder(config);
  const index = readIndex(config.indexDir, embedder);
  return { retriever: new HybridRetriever(index, embedder, policy), index, embedder };
}
