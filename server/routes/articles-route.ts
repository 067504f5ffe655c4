import { Router } from 'express';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partOf } from '../../core/plan-lookup.ts';
import { NotFoundError } from '../errors.ts';
import { validate } from './validate.ts';

const ArticleParams = z.object({
  number: z
    .string()
    .regex(/^\d{1,20}$/, 'article number must be a positive integer')
    .transform(Number),
});

/** GET /api/articles (the outline) and GET /api/articles/:number (one article's verbatim text). */
export function articlesRoute(document: PlanDocument): Router {
  const router = Router();
  const outline = {
    title: document.title,
    parts: document.parts.map((part) => ({
      part: part.number,
      title: part.title,
      articles: part.articleNumbers.map((number) => ({
        article: number,
        title: articleByNumber(document, number)?.title ?? '',
      })),
    })),
  };
  router.get('/api/articles', (_request, response) => {
    response.json(outline);
  });
  router.get('/api/articles/:number', (request, response) => {
    const { number } = validate(ArticleParams, request.params);
    const article = articleByNumber(document, number);
    if (!article)
      throw new NotFoundError(
        `there is no article ${number}; articles are numbered 1 to ${document.articles.length}`,
      );
    response.json({
      article: article.number,
      title: article.title,
      part: article.partNumber,
      partTitle: partOf(document, article).title,
      text: article.text,
    });
  });
  return router;
}
