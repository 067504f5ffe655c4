/** An error a client may see: a stable code, an HTTP status and a message safe to show. Internals stay in `cause`. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid_request', 400, message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', 404, message);
  }
}

/** A language-model or embeddings provider failed; `retryable` distinguishes 429/5xx/timeouts from bad requests. */
export class ProviderError extends AppError {
  readonly retryable: boolean;
  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super('provider_error', 502, message, options);
    this.retryable = retryable;
  }
}
