import type { Embedder } from './embedder.ts';
import { OfflineHashEmbedder } from './offline-hash-embedder.ts';
import { OpenAIEmbedder } from './openai-embedder.ts';

/**
 * What choosing an embedder needs from configuration. The server's AppConfig (server/config.ts) satisfies it
 * structurally, so ingest stays independent of the server.
 */
export interface EmbedderSettings {
  embedder: { kind: 'offline' } | { kind: 'openai'; model: string; dimensions?: number };
  /** The OpenAI-compatible endpoint; an unset key is fine for local servers (Ollama, vLLM). */
  openai: { baseURL?: string; apiKey?: string };
}

/** The one place that chooses an embedder from configuration. */
export function createEmbedder(settings: EmbedderSettings, timeoutMs = 30_000): Embedder {
  if (settings.embedder.kind === 'openai') {
    return new OpenAIEmbedder({
      ...settings.openai,
      model: settings.embedder.model,
      dimensions: settings.embedder.dimensions,
      timeoutMs,
    });
  }
  return new OfflineHashEmbedder();
}
