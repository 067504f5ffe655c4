import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';

/**
 * IDF-weighted share of the question's words that occur in a hit's tokens. A colloquial word counts as found when
 * any of the policy terms it stands for is found. Near 0 for questions about things the plan never mentions.
 */
export function queryCoverage(questionTokens: string[], hitTokens: Set<string>, alternatives: Map<string, string[]>): number {
  const idf = loadGeneralIdf();
  let total = 0;
  let found = 0;
  for (const token of new Set(questionTokens)) {
    const weight = idf.weight(token);
    total += weight;
    const options = [token, ...(alternatives.get(token) ?? [])];
    if (options.some((option) => hitTokens.has(option))) found += weight;
  }
  return total === 0 ? 0 : found / total;
}
