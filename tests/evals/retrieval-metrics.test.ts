import { describe, expect, it } from 'vitest';
import {
  hitAtK,
  mean,
  ndcgAtK,
  percentile,
  recallAtK,
  reciprocalRank,
} from '../../evals/metrics/retrieval-metrics.ts';

describe('retrieval metrics', () => {
  it('hit@k is 1 when a gold article is in the top k and 0 otherwise', () => {
    expect(hitAtK([3, 12, 7], [12], 1)).toBe(0);
    expect(hitAtK([3, 12, 7], [12], 2)).toBe(1);
    expect(hitAtK([], [12], 5)).toBe(0);
    expect(hitAtK([12], [12], 1)).toBe(1);
  });

  it('recall@k counts the share of gold articles found', () => {
    expect(recallAtK([25, 26, 27], [25, 26, 27, 28], 5)).toBe(0.75);
    expect(recallAtK([1, 2], [25], 5)).toBe(0);
    expect(recallAtK([25, 26], [25, 26], 2)).toBe(1);
    expect(recallAtK([1, 25], [25], 1)).toBe(0);
  });

  it('reciprocal rank is 1/position of the first gold article, 0 when absent', () => {
    expect(reciprocalRank([12, 3], [12])).toBe(1);
    expect(reciprocalRank([3, 7, 12], [12, 7])).toBe(0.5);
    expect(reciprocalRank([3, 7], [12])).toBe(0);
  });

  it('nDCG@k is 1 for an ideal ranking, 0 with no gold in the top k, and in between otherwise', () => {
    expect(ndcgAtK([25, 26, 1], [25, 26], 5)).toBe(1);
    expect(ndcgAtK([1, 2, 3, 4, 5, 25], [25], 5)).toBe(0);
    const partial = ndcgAtK([1, 25], [25], 5);
    expect(partial).toBeCloseTo(1 / Math.log2(3), 10);
    expect(ndcgAtK([1, 2], [], 5)).toBe(0);
  });

  it('mean and nearest-rank percentile', () => {
    expect(mean([])).toBe(0);
    expect(mean([1, 0, 1, 0])).toBe(0.5);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });
});
