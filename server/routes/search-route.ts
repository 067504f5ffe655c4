import { Router } from 'express';
import { z } from 'zod';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import { toSearchResponse } from '../retrieval/search-response.ts';
import { validate } from './validate.ts';

const SearchQuery = z.object({
  q: z
    .string({ error: 'q is required' })
    .trim()
    .min(1, 'q must not be empty')
    .max(1000, 'q must be at most 1000 characters'),
  k: z
    .string()
    .regex(/^\d{1,2}$/, 'k must be an integer from 1 to 50')
    .transform(Number)
    .refine((value) => value >= 1 && value <= 50, 'k must be an integer from 1 to 50')
    .optional(),
});

/** GET /api/search?q=…&k=5: the same results as `npm run search -- --json`. */
export function searchRoute(retriever: HybridRetriever): Router {
  const router = Router();
  router.get('/api/search', async (request, response) => {
    const { q, k = 5 } = validate(SearchQuery, request.query);
    response.json(toSearchResponse(await retriever.search(q, { k }), k));
  });
  return router;
}
