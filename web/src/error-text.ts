// Maps an ApiError to a short Chinese sentence. Server messages may be English
// or technical, so they are never shown directly; the code is appended for support.
import type { ApiError } from './api-error';
import { S } from './strings';

export function errorText(err: ApiError): string {
  const base = baseText(err);
  return err.kind === 'network' ? base : `${base}${S.errCode(err.code)}`;
}

function baseText(err: ApiError): string {
  if (err.kind === 'network') return S.errNetwork;
  if (err.kind === 'stream') return S.errStream;
  if (err.status === 429)
    return err.retryAfter ? S.errRateLimitSeconds(err.retryAfter) : S.errRateLimit;
  if (err.status === 413) return S.errTooLarge;
  if (err.status === 400 || err.status === 415 || err.status === 422) return S.errBadRequest;
  if (err.status >= 500) return S.errServer;
  return S.errUnknown;
}
