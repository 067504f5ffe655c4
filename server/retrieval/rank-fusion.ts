/** Reciprocal rank fusion (Cormack et al. 2009): robust to the very different scales of BM25 and cosine scores. */
export function reciprocalRankFusion(
  rankings: number[][],
  constant: number,
  weights?: number[],
): Map<number, number> {
  const fused = new Map<number, number>();
  rankings.forEach((ranking, listIndex) => {
    const weight = weights?.[listIndex] ?? 1;
    ranking.forEach((item, rank) =>
      fused.set(item, (fused.get(item) ?? 0) + weight / (constant + rank + 1)),
    );
  });
  return fused;
}

/** The largest score an item can reach (first in every list), for scaling fused scores to [0, 1]. */
export function maxFusedScore(listCount: number, constant: number, weights?: number[]): number {
  let total = 0;
  for (let index = 0; index < listCount; index += 1)
    total += (weights?.[index] ?? 1) / (constant + 1);
  return total;
}
