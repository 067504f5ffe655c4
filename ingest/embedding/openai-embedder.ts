import OpenAI from 'openai';
import { l2Normalize, type Embedder } from './embedder.ts';

export interface OpenAIEmbedderOptions {
  baseURL?: string;
  apiKey?: string;
  model: string;
  /** Requested vector length, for models that support shortening (text-embedding-3-*). */
  dimensions?: number;
  timeoutMs: number;
  batchSize?: number;
}

/** Raised when the embeddings endpoint fails; `retryable` tells a caller whether trying again may help. */
export class EmbeddingProviderError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingProviderError';
    this.retryable = retryable;
  }
}

/** Any OpenAI-compatible /embeddings endpoint: OpenAI, or a local Ollama, vLLM or text-embeddings-inference server. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  dimensions: number | null;
  private readonly client: OpenAI;
  private readonly options: OpenAIEmbedderOptions;

  constructor(options: OpenAIEmbedderOptions) {
    this.options = options;
    this.id = `openai-compatible:${options.model}${options.dimensions ? `:${options.dimensions}` : ''}`;
    this.dimensions = options.dimensions ?? null;
    // Local servers (Ollama, vLLM) need no key, but the SDK insists on one.
    this.client = new OpenAI({
      baseURL: options.baseURL,
      apiKey: options.apiKey ?? 'not-needed',
      timeout: options.timeoutMs,
      maxRetries: 1,
    });
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    const batchSize = this.options.batchSize ?? 64;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      const batch = texts.slice(start, start + batchSize);
      vectors.push(...(await this.embedBatch(batch, options.signal)));
    }
    return vectors;
  }

  private async embedBatch(batch: string[], signal?: AbortSignal): Promise<number[][]> {
    let response;
    try {
      response = await this.client.embeddings.create(
        {
          model: this.options.model,
          input: batch,
          encoding_format: 'float',
          ...(this.options.dimensions ? { dimensions: this.options.dimensions } : {}),
        },
        { signal },
      );
    } catch (error) {
      const status = error instanceof OpenAI.APIError ? error.status : undefined;
      const retryable = status === undefined || status === 429 || status >= 500;
      throw new EmbeddingProviderError(
        `embeddings request to model ${this.options.model} failed${status ? ` (HTTP ${status})` : ''}`,
        retryable,
        { cause: error },
      );
    }
    const ordered = [...response.data].sort((left, right) => left.index - right.index);
    if (ordered.length !== batch.length) {
      throw new EmbeddingProviderError(
        `embeddings endpoint returned ${ordered.length} vectors for ${batch.length} texts`,
        false,
      );
    }
    const vectors = ordered.map((item) => l2Normalize(item.embedding));
    const length = vectors[0]?.length ?? 0;
    if (this.dimensions === null) this.dimensions = length;
    if (vectors.some((vector) => vector.length !== this.dimensions)) {
      throw new EmbeddingProviderError(
        `embeddings endpoint returned vectors of ${length} dimensions, expected ${this.dimensions}`,
        false,
      );
    }
    return vectors;
  }
}
