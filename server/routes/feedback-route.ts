import { Router } from 'express';
import { NotFoundError } from '../errors.ts';
import { requireJsonBody } from '../http/require-json.ts';
import type { Insight } from '../insight/insight.ts';
import { FeedbackRequestSchema } from './feedback-schema.ts';
import { validate } from './validate.ts';

/**
 * POST /api/feedback: 有帮助 / 没帮助 (and a comment) on one answer. Answered 200 only once the vote is committed;
 * 404 for an answerId no chat answer carried; 503 when the store cannot take it.
 */
export function feedbackRoute(insight: Insight): Router {
  const router = Router();
  router.post('/api/feedback', requireJsonBody, async (request, response) => {
    const body = validate(FeedbackRequestSchema, request.body);
    const vote = { answerId: body.answerId, rating: body.rating, comment: body.comment ?? null };
    if (!(await insight.recordFeedback(vote)))
      throw new NotFoundError('no answer has this answerId (or it is older than the log keeps)');
    response.json(vote);
  });
  return router;
}
