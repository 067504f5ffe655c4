import type { AppConfig } from '../config.ts';
import { createEmbedder } from '../../ingest/embedding/create-embedder.ts';
import { readIndex } from '../../ingest/indexing/read-index.ts';
import { HybridRetriever, type RetrieverTuning } from './hybrid-retriever.ts';
import type { LoadedIndex } from '../../ingest/indexing/read-index.ts';
import type { Embedder } from '../../ingest/embedding/embedder.ts';

export interface OpenedRetriever {
  retriever: HybridRetriever;
  index: LoadedIndex;
  embedder: Embedder;
}

/** Loads the configured index with the configured embedder; throws IndexLoadError (naming the rebuild command) when unusable. */
export function openRetriever(config: Pick<AppConfig, 'indexDir' | 'embedder' | 'openai'>, tuning?: RetrieverTuning): OpenedRetriever {
  const embedder = createEmbedder(config);
  const index = readIndex(config.indexDir, embedder);
  return { retriever: new HybridRetriever(index, embedder, tuning), index, embedder };
}
