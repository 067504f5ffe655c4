import { EmbeddingProviderError } from './embedding-provider-error.ts';
import { l2Normalize, type Embedder } from './embedder.ts';
import type { IndexedOpenAIEmbeddings } from './indexed-openai-embeddings.ts';

export interface OpenAIEmbedderOptions {
  baseURL?: string;
  apiKey?: string;
  model: string;
  /** Requested vector length, for models that support shortening (text-embedding-3-*). */
  dimensions?: number;
  timeoutMs: number;
  batchSize?: number;
}

/**
 * Any OpenAI-compatible /embeddings endpoint (OpenAI, or a local Ollama, vLLM or text-embeddings-inference server),
 * through LangChain's OpenAIEmbeddings, with what an index needs on top: one vector per text in input order, all of one
 * length, unit-normalised, and failures as EmbeddingProviderError.
 */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  dimensions: number | null;
  private readonly options: OpenAIEmbedderOptions;
  private loaded: Promise<IndexedOpenAIEmbeddings> | undefined;

  constructor(options: OpenAIEmbedderOptions) {
    this.options = options;
    this.id = `openai-compatible:${options.model}${options.dimensions ? `:${options.dimensions}` : ''}`;
    this.dimensions = options.dimensions ?? null;
  }

  /**
   * The LangChain embeddings model this embedder calls, made on first use, so that importing this module (as every
   * start-up does, offline too) never loads @langchain/openai, which takes seconds.
   */
  embeddings(): Promise<IndexedOpenAIEmbeddings> {
    const options = this.options;
    this.loaded ??= import('./indexed-openai-embeddings.ts').then(
      ({ IndexedOpenAIEmbeddings }) =>
        new IndexedOpenAIEmbeddings({
          model: options.model,
          dimensions: options.dimensions,
          // Local servers (Ollama, vLLM) need no key, but the client insists on one.
          apiKey: options.apiKey ?? 'not-needed',
          configuration: { baseURL: options.baseURL },
          timeout: options.timeoutMs,
          maxRetries: 1,
          batchSize: options.batchSize ?? 64,
          encodingFormat: 'float',
          // The texts are embedded exactly as the index stores them.
          stripNewLines: false,
        }),
    );
    return this.loaded;
  }

  async embed(texts: string[], options: { signal?: AbortSignal } = {}): Promise<number[][]> {
    let raw: number[][];
    try {
      const embeddings = await this.embeddings();
      raw = await untilAborted(embeddings.embedDocuments(texts), options.signal);
    } catch (error) {
      if (options.signal?.aborted || error instanceof EmbeddingProviderError) throw error;
      const status = (error as { status?: unknown } | null)?.status;
      const retryable = typeof status !== 'number' || status === 429 || status >= 500;
      throw new EmbeddingProviderError(
        `embeddings request to model ${this.options.model} failed${typeof status === 'number' ? ` (HTTP ${status})` : ''}`,
        retryable,
        { cause: error },
      );
    }
    const vectors = raw.map(l2Normalize);
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

/** Settles with the promise, or rejects as soon as the signal aborts (a LangChain embeddings call takes no signal). */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
