import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';

/** The question's informative words with their weights, worked out once per ranking and read for every hit. */
export interface CoverageQuery {
  terms: Array<{ token: string; weight: number; alternatives: readonly string[] }>;
  total: number;
}

/**
 * The words coverage counts: each distinct question token but those found almost everywhere in the plan (乌海, 发展:
 * they say nothing about whether a hit answers the question), weighted by general-language IDF, with the policy terms
 * that may stand for it (as a whole term: 清洁供暖, not its sub-word 覆盖).
 */
export function coverageQuery(
  questionTokens: string[],
  alternatives: Map<string, string[]>,
  isUbiquitous: (token: string) => boolean,
): CoverageQuery {
  const idf = loadGeneralIdf();
  const terms: CoverageQuery['terms'] = [];
  let total = 0;
  for (const token of new Set(questionTokens)) {
    if (isUbiquitous(token)) continue;
    const weight = idf.weight(token);
    total += weight;
    terms.push({ token, weight, alternatives: alternatives.get(token) ?? [] });
  }
  return { terms, total };
}

/**
 * The coverage of every hit at once: the IDF-weighted share of the question's words that a hit holds, itself or
 * through one of the policy terms a word stands for. `holders` gives, for a word, the hits (by key) that hold it
 * either way; each word's weight goes to each of them, so the work follows the few hits that hold a word rather than
 * every hit times every word. Near 0 for questions about things the plan never mentions.
 */
export function coverageByHit(
  query: CoverageQuery,
  holders: (term: CoverageQuery['terms'][number]) => Iterable<string>,
): (hitKey: string) => number {
  const found = new Map<string, number>();
  for (const term of query.terms)
    for (const key of holders(term)) found.set(key, (found.get(key) ?? 0) + term.weight);
  return (hitKey) => (query.total === 0 ? 0 : (found.get(hitKey) ?? 0) / query.total);
}
