import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { RetrievalHit, RetrievalResult } from './retrieval-types.ts';

/**
 * Hits an answer may use: named ones, or ranked article hits that cover enough of the question (or hold the plan's
 * wording for its everyday words) and match about as well as the best one. Empty when nothing retrieved answers it.
 */
export function usableHits(
  result: Pick<RetrievalResult, 'hits' | 'queryTerms'>,
  rules: AnswerPolicy['answerability'],
  options: {
    breadth?: boolean;
    minCoverage?: number;
    overviewAware?: boolean;
    /** 还有吗: the overview part's summaries come after every other article that qualifies, not only on a tie. */
    overviewAfterAll?: boolean;
  } = {},
): RetrievalHit[] {
  const structural = result.hits.filter((hit) => hit.via === 'structure');
  if (structural.length > 0) return structural;
  const minCoverage = options.minCoverage ?? rules.minCoverage;
  const qualified = result.hits.filter(
    (hit) => hit.article !== null && (hit.coverage >= minCoverage || hit.matchesExpansion),
  );
  // On a tie, the article that treats the subject in detail goes before the overview part's summary of it.
  const overviewPart = options.overviewAware === false ? undefined : rules.overviewPart;
  const ranked = [...qualified].sort(
    (left, right) =>
      (options.overviewAfterAll || Math.abs(left.score - right.score) < rules.tie
        ? overviewLast(left, overviewPart) - overviewLast(right, overviewPart)
        : 0) || right.score - left.score,
  );
  const [best] = ranked;
  if (!best) return [];
  // When the best article's title names the question's subject (教育方面呢 → 办好人民满意教育), others must match as fully.
  const ownWords = result.queryTerms
    .filter((term) => term.weight === 1 && term.token.length > 1)
    .map((term) => term.token);
  const subjectInTitle = ownWords.some((word) => best.title.includes(word));
  const coverageShare = options.breadth ? rules.breadthCoverageShare : rules.secondaryCoverageShare;
  const secondary = ranked.slice(1).filter(
    (hit) =>
      hit.score >= best.score * rules.secondaryScoreShare &&
      hit.coverage >= Math.max(minCoverage, best.coverage * coverageShare) &&
      // When the best article answers through the plan's wording for an everyday phrase, so must the others.
      (!best.matchesExpansion || hit.matchesExpansion) &&
      (!subjectInTitle ||
        hit.coverage >= best.coverage ||
        ownWords.some((word) => hit.title.includes(word))) &&
      (hit.part !== overviewPart || best.part === overviewPart),
  );
  return [best, ...secondary].slice(0, rules.maxArticles);
}

/** 1 for a hit in the overview part (which summarises what other articles treat in detail), else 0. */
function overviewLast(hit: RetrievalHit, overviewPart: number | undefined): number {
  return hit.part === overviewPart ? 1 : 0;
}
