import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';

/**
 * IDF-weighted share of the question's words that occur in a hit. A colloquial word counts as found when the hit's
 * text contains one of the policy terms it stands for (as a whole term: 清洁供暖, not its sub-word 覆盖).
 * Near 0 for questions about things the plan never mentions.
 */
export function queryCoverage(
  questionTokens: string[],
  hitTokens: Set<string>,
  hitText: string,
  alternatives: Map<string, string[]>,
  isUbiquitous: (token: string) => boolean,
): number {
  const idf = loadGeneralIdf();
  let total = 0;
  let found = 0;
  for (const token of new Set(questionTokens)) {
    // Words found almost everywhere in the plan (乌海, 发展) say nothing about whether it answers the question.
    if (isUbiquitous(token)) continue;
    const weight = idf.weight(token);
    total += weight;
    if (
      hitTokens.has(token) ||
      (alternatives.get(token) ?? []).some((term) => hitText.includes(term))
    )
      found += weight;
  }
  return total === 0 ? 0 : found / total;
}
