import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ChatService } from '../chat/chat-service.ts';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { openSseStream, wantsEventStream } from '../http/sse.ts';
import { requireJsonBody } from '../http/require-json.ts';
import { ChatRequestSchema } from './chat-schema.ts';
import { validate } from './validate.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';

/** POST /api/chat: a JSON answer, or Server-Sent Events when the client accepts text/event-stream. */
export function chatRoute(
  service: ChatService,
  logger: Logger,
  templates: AnswerTemplates,
): Router {
  const router = Router();
  router.post('/api/chat', requireJsonBody, async (request: Request, response: Response) => {
    const body = validate(ChatRequestSchema, request.body);
    const controller = new AbortController();
    const chatRequest = { message: body.message, history: body.history, mode: body.mode };

    if (!wantsEventStream(request.headers.accept)) {
      response.on('close', () => {
        if (!response.writableFinished) controller.abort(new Error('client disconnected'));
      });
      try {
        response.json(await service.respond(chatRequest, { signal: controller.signal }));
      } catch (error) {
        // The client left: nobody is waiting for an answer or an error.
        if (!controller.signal.aborted) throw error;
        logger.info({ reqId: request.id }, 'chat request aborted by the client');
      }
      return;
    }

    const stream = openSseStream(response, controller);
    try {
      const answer = await service.respond(chatRequest, {
        signal: controller.signal,
        onDelta: (text) => stream.send({ event: 'delta', data: { text } }),
      });
      stream.send<ChatResponse>({ event: 'done', data: answer });
    } catch (error) {
      if (controller.signal.aborted) {
        logger.info({ reqId: request.id }, 'chat stream aborted by the client');
      } else {
        logger.error({ err: error, reqId: request.id }, 'chat stream failed');
        stream.send({
          event: 'error',
          data: {
            error: { code: 'internal_error', message: templates.fill('notices.streamError') },
          },
        });
      }
    } finally {
      stream.end();
    }
  });
  return router;
}
