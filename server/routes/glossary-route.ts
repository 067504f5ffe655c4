import { Router } from 'express';
import type { Glossary } from '../glossary/glossary.ts';

/** GET /api/glossary: the plan's terms and slogans with every sentence that uses them, and its own definition where it gives one. */
export function glossaryRoute(glossary: Glossary): Router {
  const router = Router();
  const body = { terms: glossary.terms() };
  router.get('/api/glossary', (_request, response) => {
    response.json(body);
  });
  return router;
}
