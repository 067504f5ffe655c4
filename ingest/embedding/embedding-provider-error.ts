/** Raised when the embeddings endpoint fails; `retryable` tells a caller whether trying again may help. */
export class EmbeddingProviderError extends Error {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddingProviderError';
    this.retryable = retryable;
  }
}
