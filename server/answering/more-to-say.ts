import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { RetrievalHit } from '../retrieval/retrieval-types.ts';
import { bestSentences, type Evidence, type EvidenceQuery } from './select-evidence.ts';

/**
 * For 还有吗: the hits that have something new to say. An article the conversation already cited stays only if a
 * sentence it has not quoted (`query.exclude`) answers the question about as well as its best one did (at least
 * `supportingShare` of that score: a further supporting quote, not any sentence sharing a word); any other article
 * stays. Empty when everything was said: the answer then says so instead of repeating itself. Pure.
 */
export function hitsWithMoreToSay(
  hits: readonly RetrievalHit[],
  cited: readonly number[],
  query: EvidenceQuery,
  doc: PlanDocument,
  supportingShare: number,
): RetrievalHit[] {
  const top = (evidence: readonly Evidence[]) => Math.max(0, ...evidence.map((item) => item.score));
  return hits.filter((hit) => {
    if (hit.article === null || !cited.includes(hit.article)) return true;
    const article = articleByNumber(doc, hit.article);
    if (!article) return false;
    const best = top(bestSentences(article, { ...query, exclude: undefined }, 1, 'relevance'));
    const fresh = top(bestSentences(article, query, 1, 'relevance'));
    return fresh > 0 && fresh >= best * supportingShare;
  });
}
