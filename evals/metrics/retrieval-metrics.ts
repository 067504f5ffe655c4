/** Ranking metrics over article numbers. `ranked` is the retrieved list, best first, without duplicates. */

export function hitAtK(ranked: number[], gold: number[], k: number): number {
  return ranked.slice(0, k).some((article) => gold.includes(article)) ? 1 : 0;
}

/** Share of the gold articles found in the top k. */
export function recallAtK(ranked: number[], gold: number[], k: number): number {
  if (gold.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return gold.filter((article) => top.has(article)).length / gold.length;
}

/** Reciprocal rank of the first gold article; 0 when none is retrieved. */
export function reciprocalRank(ranked: number[], gold: number[]): number {
  const position = ranked.findIndex((article) => gold.includes(article));
  return position < 0 ? 0 : 1 / (position + 1);
}

/** nDCG@k with binary relevance: 1 for a gold article, 0 otherwise. */
export function ndcgAtK(ranked: number[], gold: number[], k: number): number {
  if (gold.length === 0) return 0;
  const dcg = ranked
    .slice(0, k)
    .reduce(
      (sum, article, index) => sum + (gold.includes(article) ? 1 / Math.log2(index + 2) : 0),
      0,
    );
  let ideal = 0;
  for (let index = 0; index < Math.min(k, gold.length); index += 1)
    ideal += 1 / Math.log2(index + 2);
  return dcg / ideal;
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; 0 for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? 0;
}
