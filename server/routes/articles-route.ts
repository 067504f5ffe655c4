import { Router } from 'express';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { NotFoundError } from '../errors.ts';
import { validate } from './validate.ts';

const ArticleParams = z.object({ number: z.string().regex(/^\d{1,20}$/, 'article number must be a positive integer').transform(Number) });

/** GET /api/articles (the outline) and GET /api/articles/:number (one article's verbatim text). */
export function articlesRoute(document: PlanDocument): Router {
  const router = Router();
  const outline = {
    title: document.title,
    parts: document.parts.map((part) => ({
      part: part.number,
      title: part.title,
      articles: part.articleNumbers.map((number) => ({ article: number, title: document.articles.find((article) => article.number === number)?.title ?? '' })),
    })),
  };
  router.get('/api/articles', (_request, response) => {
    response.json(outline);
  });
  router.get('/api/articles/:number', (request, response) => {
    const { number } = validate(ArticleParams, request.params);
    const article = document.articles.find((candidate) => candidate.number === number);
    if (!article) throw new NotFoundError(`there is no article ${number}; articles are numbered 1 to ${document.articles.length}`);
    const part = document.parts.find((candidate) => candidate.number === article.partNumber);
    response.json({ article: article.number, title: article.title, part: article.partNumber, partTitle: part?.title ?? '', text: article.text });
  });
  return router;
}
