import type { Article, PlanDocument } from '../../core/document-model.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { loadAnswerRules, usableHits } from '../chat/answerability.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import type { StudyRequest } from './study-types.ts';

/** At most this many articles for a topic: a study session on one subject, not the whole plan. */
const MAX_TOPIC_ARTICLES = 5;

/** The articles a pack covers: a part's articles, the named articles, or those retrieval finds for a topic. */
export async function selectStudyArticles(request: StudyRequest, doc: PlanDocument, retriever: HybridRetriever): Promise<Article[]> {
  if (request.part !== undefined) {
    const part = doc.parts.find((candidate) => candidate.number === request.part);
    if (!part) throw new NotFoundError(`there is no part ${request.part}`);
    return part.articleNumbers.map((number) => doc.articles.find((article) => article.number === number)!);
  }
  if (request.articles) {
    const unknown = request.articles.filter((number) => !doc.articles.some((article) => article.number === number));
    if (unknown.length > 0) throw new ValidationError(`there is no article ${unknown.join(', ')}; articles are numbered 1 to ${doc.articles.length}`);
    return [...new Set(request.articles)].sort((left, right) => left - right).map((number) => doc.articles.find((article) => article.number === number)!);
  }
  const result = await retriever.search(request.topic ?? '', { k: 10 });
  const rules = loadAnswerRules();
  const hits = usableHits(result, rules.minCoverage, true, rules.overviewPart).slice(0, MAX_TOPIC_ARTICLES);
  if (hits.length === 0) throw new NotFoundError(`《建议》中没有与“${request.topic}”相关的条文`);
  return hits.flatMap((hit) => (hit.article === null ? [] : [doc.articles.find((article) => article.number === hit.article)!]));
}
