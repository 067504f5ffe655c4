import type { Article, PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { usableHits } from '../retrieval/usable-hits.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import type { StudyRequest } from './study-types.ts';

/** At most this many articles for a topic: a study session on one subject, not the whole plan. */
const MAX_TOPIC_ARTICLES = 5;

/** The articles a pack covers: a part's articles, the named articles, or those retrieval finds for a topic. */
export async function selectStudyArticles(
  request: StudyRequest,
  doc: PlanDocument,
  retriever: HybridRetriever,
  policy: AnswerPolicy,
): Promise<Article[]> {
  if (request.part !== undefined) {
    const part = partByNumber(doc, request.part);
    if (!part) throw new NotFoundError(`there is no part ${request.part}`);
    return part.articleNumbers.map((number) => articleByNumber(doc, number)!);
  }
  if (request.articles) {
    const unknown = request.articles.filter((number) => !articleByNumber(doc, number));
    if (unknown.length > 0)
      throw new ValidationError(
        `there is no article ${unknown.join(', ')}; articles are numbered 1 to ${doc.articles.length}`,
      );
    return [...new Set(request.articles)]
      .sort((left, right) => left - right)
      .map((number) => articleByNumber(doc, number)!);
  }
  const result = await retriever.search(request.topic ?? '', { k: 10 });
  const hits = usableHits(result, policy.answerability, { breadth: true }).slice(
    0,
    MAX_TOPIC_ARTICLES,
  );
  if (hits.length === 0) throw new NotFoundError(`《建议》中没有与“${request.topic}”相关的条文`);
  return hits.flatMap((hit) => {
    const article = hit.article === null ? undefined : articleByNumber(doc, hit.article);
    return article ? [article] : [];
  });
}
