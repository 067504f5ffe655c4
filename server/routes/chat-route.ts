import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { ChatOutcome, ChatService } from '../chat/chat-service.ts';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import type { Insight } from '../insight/insight.ts';
import { openSseStream, wantsEventStream } from '../http/sse.ts';
import { requireJsonBody } from '../http/require-json.ts';
import { ChatRequestSchema } from './chat-schema.ts';
import { validate } from './validate.ts';
import type { AnswerTemplates } from '../policy/answer-templates.ts';
import { chatTurnRecord } from '../insight/chat-turn-record.ts';

/**
 * POST /api/chat: a JSON answer, or Server-Sent Events when the client accepts text/event-stream. With the question
 * log on, each answer carries the answerId it is logged under (queued, never awaited).
 */
export function chatRoute(
  service: ChatService,
  logger: Logger,
  templates: AnswerTemplates,
  insight?: Insight | null,
): Router {
  const router = Router();
  router.post('/api/chat', requireJsonBody, async (request: Request, response: Response) => {
    const started = performance.now();
    const body = validate(ChatRequestSchema, request.body);
    const controller = new AbortController();
    const chatRequest = { message: body.message, history: body.history, mode: body.mode };
    let refusal: ChatOutcome['refusal'];
    const onOutcome = (outcome: ChatOutcome) => (refusal = outcome.refusal);
    const logged = (answer: ChatResponse): ChatResponse =>
      insight
        ? {
            ...answer,
            answerId: insight.recordTurn(
              chatTurnRecord(body.message, answer, refusal, performance.now() - started),
            ),
          }
        : answer;

    if (!wantsEventStream(request.headers.accept)) {
      response.on('close', () => {
        if (!response.writableFinished) controller.abort(new Error('client disconnected'));
      });
      try {
        response.json(
          logged(await service.respond(chatRequest, { signal: controller.signal, onOutcome })),
        );
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
        onOutcome,
      });
      stream.send<ChatResponse>({ event: 'done', data: logged(answer) });
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
