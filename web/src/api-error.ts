// One error type for every way a request can fail, so the UI maps failures
// to readable Chinese text in a single place (error-text.ts).

export type ApiErrorKind = 'http' | 'network' | 'stream' | 'abort';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from a Retry-After header on 429, when the server sent one. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds an ApiError from a non-2xx response whose body should be {error:{code,message}}. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText;
  try {
    const body: unknown = await res.json();
    const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof err?.code === 'string') code = err.code;
    if (typeof err?.message === 'string') message = err.message;
  } catch {
    // Proxies may answer with HTML; the status code alone is enough.
  }
  const retryHeader = Number(res.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined;
  return new ApiError('http', res.status, code, message, retryAfter);
}

/** Normalises whatever fetch threw (TypeError, DOMException AbortError, ApiError). */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof DOMException && err.name === 'AbortError') {
    return new ApiError('abort', 0, 'aborted', 'aborted');
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError('network', 0, 'network_error', message);
}
