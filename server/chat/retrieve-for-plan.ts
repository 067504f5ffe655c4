import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import { articleLabel } from './answer-templates.ts';
import type { RetrievalResult } from '../retrieval/retrieval-types.ts';
import { loadAnswerRules, usableHits } from './answerability.ts';
import type { RetrievalPlan } from './resolve-followup.ts';

/** Runs retrieval as a follow-up plan says: named articles, the next-best articles, or scoped to the last answer. */
export async function retrieveForPlan(retriever: HybridRetriever, plan: RetrievalPlan, signal?: AbortSignal): Promise<RetrievalResult> {
  const { minCoverage } = loadAnswerRules();
  if (plan.directArticles && plan.directArticles.length > 0) {
    const named = await retriever.search(plan.directArticles.map(articleLabel).join(''), { signal });
    return { ...named, query: plan.query };
  }
  if (plan.kind === 'more') {
    const result = await retriever.search(plan.query, { k: 10, signal });
    const excluded = new Set(plan.excludeArticles ?? []);
    return { ...result, hits: result.hits.filter((hit) => hit.article === null || !excluded.has(hit.article)).slice(0, 5) };
  }
  if (plan.kind === 'deictic' && plan.restrictToArticles) {
    const scoped = await retriever.search(plan.query, { restrictToArticles: plan.restrictToArticles, signal });
    if (usableHits(scoped, minCoverage).length > 0) return scoped;
  }
  const standalone = await retriever.search(plan.query, { signal });
  if (plan.previousQuestion && usableHits(standalone, minCoverage).length === 0) {
    // A short follow-up that finds nothing alone (它是什么意思) is searched with the question it follows.
    return retriever.search(`${plan.previousQuestion} ${plan.query}`, { signal });
  }
  return standalone;
}
