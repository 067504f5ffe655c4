import { Router } from 'express';
import { z } from 'zod';
import type { PlanDocument } from '../../core/document-model.ts';
import { requireJsonBody } from '../http/require-json.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import { buildStudyPack } from '../study/build-study-pack.ts';
import { renderStudyHtml } from '../study/render-study-html.ts';
import { renderStudyMarkdown } from '../study/render-study-markdown.ts';
import { selectStudyArticles } from '../study/select-study-articles.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { StudyRequestSchema } from '../study/study-types.ts';
import { validate } from './validate.ts';

const FormatQuery = z.object({
  format: z
    .enum(['json', 'markdown', 'html'], { error: 'format must be json, markdown or html' })
    .default('json'),
});

/** POST /api/study: a study pack for a part, articles or a topic; ?format=markdown|html for the exports. */
export function studyRoute(
  document: PlanDocument,
  retriever: HybridRetriever,
  policy: AnswerPolicy,
): Router {
  const router = Router();
  router.post('/api/study', requireJsonBody, async (request, response) => {
    const { format } = validate(FormatQuery, request.query);
    const body = validate(StudyRequestSchema, request.body);
    const pack = buildStudyPack(
      body,
      await selectStudyArticles(body, document, retriever, policy),
      document,
    );
    if (format === 'markdown') {
      response
        .type('text/markdown; charset=utf-8')
        .attachment('study-pack.md')
        .send(renderStudyMarkdown(pack, policy.templates));
    } else if (format === 'html') {
      response.type('text/html; charset=utf-8').send(renderStudyHtml(pack, policy.templates));
    } else {
      response.json(pack);
    }
  });
  return router;
}
