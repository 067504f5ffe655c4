import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors.ts';

/** 415 for a POST whose body is not declared as JSON (a form post, text/plain, or no content type at all). */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (!request.is('application/json')) {
    next(
      new AppError(
        'unsupported_media_type',
        415,
        'the request body must be JSON (Content-Type: application/json)',
      ),
    );
    return;
  }
  next();
}
