import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { AppError } from '../errors.ts';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Lets through only requests with `Authorization: Bearer <expected>`. Both sides are hashed to equal-length digests
 * and compared in constant time, so neither the token's content nor its length leaks through timing.
 */
export function requireBearerToken(expected: string): RequestHandler {
  const expectedDigest = digest(expected);
  return (request, response, next) => {
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '');
    if (match && timingSafeEqual(digest(match[1] ?? ''), expectedDigest)) return next();
    response.setHeader('WWW-Authenticate', 'Bearer realm="admin"');
    next(
      new AppError(
        'unauthorized',
        401,
        'a valid admin token is required (Authorization: Bearer …)',
      ),
    );
  };
}

/** Failed requests per client per window before guessing is refused (successful requests are not counted). */
export function limitFailedAttempts(options: {
  limit: number;
  windowMs: number;
  store?: Store;
}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    store: options.store,
    // A shared store that is down lets requests through: the token check itself still applies.
    passOnStoreError: true,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(
        new AppError('rate_limited', 429, 'too many failed attempts; please wait and try again'),
      ),
  });
}
