import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, NotFoundError } from '../errors.ts';

/** Errors raised by express's body parser carry a `type` and a status. */
const BODY_PARSER_ERRORS: Record<string, { code: string; status: number; message: string }> = {
  'entity.too.large': {
    code: 'payload_too_large',
    status: 413,
    message: 'the request body exceeds 64 KB',
  },
  'entity.parse.failed': {
    code: 'invalid_json',
    status: 400,
    message: 'the request body is not valid JSON',
  },
  'encoding.unsupported': {
    code: 'unsupported_media_type',
    status: 415,
    message: 'the request body encoding is not supported',
  },
  'charset.unsupported': {
    code: 'unsupported_media_type',
    status: 415,
    message: 'the request body charset is not supported',
  },
  'request.aborted': { code: 'request_aborted', status: 400, message: 'the request was aborted' },
  'entity.verify.failed': {
    code: 'invalid_request',
    status: 400,
    message: 'the request body was rejected',
  },
};

export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new NotFoundError(`no route for ${request.method} ${request.path}`));
};

/** Turns every error into `{error: {code, message}}`; internals (stack, paths) are logged, never sent. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const parserError =
      typeof error?.type === 'string' ? BODY_PARSER_ERRORS[error.type] : undefined;
    // Other client errors from express itself (a malformed URL encoding) carry an exposed 4xx status.
    const clientError =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? {
            code: 'bad_request',
            status: error.status as number,
            message: 'the request could not be understood',
          }
        : undefined;
    const known =
      error instanceof AppError
        ? { code: error.code, status: error.status, message: error.message }
        : parserError && error.type === 'entity.too.large' && typeof error.limit === 'number'
          ? {
              ...parserError,
              message: `the request body exceeds ${Math.round(error.limit / 1024)} KB`,
            }
          : (parserError ?? clientError);
    const status = known?.status ?? 500;
    if (status >= 500) logger.error({ err: error, reqId: request.id }, 'request failed');
    else logger.info({ code: known?.code, reqId: request.id }, 'request rejected');
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(status).json({
      error: {
        code: known?.code ?? 'internal_error',
        message: known?.message ?? 'internal server error',
      },
    });
  };
}
