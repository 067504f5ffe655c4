import type { AppConfig } from '../../server/config.ts';
import type { Embedder } from './embedder.ts';
import { OfflineHashEmbedder } from './offline-hash-embedder.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';

/** The one place that chooses an embedder from configuration. */
export function createEmbedder(config: Pick<AppConfig, 'embedder' | 'openai'>, timeoutMs = 30_000): Embedder {
  if (config.embedder.kind === 'openai') {
    return new OpenAIEmbedder({ ...config.openai, model: config.embedder.model, dimensions: config.embedder.dimensions, timeoutMs });
  }
  return new OfflineHashEmbedder();
}
