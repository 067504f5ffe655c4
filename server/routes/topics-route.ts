import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../errors.ts';
import type { TopicGuide } from '../topics/topic-guide.ts';
import { validate } from './validate.ts';

const TopicParams = z.object({ id: z.string().max(64, 'topic id must be at most 64 characters') });

/** GET /api/topics (the residents' life topics) and GET /api/topics/:id (a topic's verbatim sentences by article). */
export function topicsRoute(guide: TopicGuide): Router {
  const router = Router();
  const summary = { topics: guide.list() };
  router.get('/api/topics', (_request, response) => {
    response.json(summary);
  });
  router.get('/api/topics/:id', (request, response) => {
    const { id } = validate(TopicParams, request.params);
    const topic = guide.get(id);
    if (!topic)
      throw new NotFoundError(`there is no topic ${id}; topics are ${guide.ids.join(', ')}`);
    response.json(topic);
  });
  return router;
}
