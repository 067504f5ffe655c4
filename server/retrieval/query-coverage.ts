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
 * IDF-weighted share of the question's words that occur in a hit: a word counts as found when the hit has it, or when
 * the hit's text contains one of the policy terms it stands for. Near 0 for questions about things the plan never
 * mentions.
 */
export function queryCoverage(
  query: CoverageQuery,
  hitTokens: ReadonlySet<string>,
  hitContains: (term: string) => boolean,
): number {
  if (query.total === 0) return 0;
  let found = 0;
  for (const { token, weight, alternatives } of query.terms)
    if (hitTokens.has(token) || alternatives.some(hitContains)) found += weight;
  return found / query.total;
}
