import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../ingest/indexing/vector-index.ts';

/** Deterministic pseudo-random unit vectors (a small linear congruential generator). */
function unitVectors(count: number, dimensions: number, seed: number): number[][] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => {
    const vector = Array.from({ length: dimensions }, next);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

describe('vector search', () => {
  it('returns the most similar vectors first, with their cosine similarity', () => {
    const index = VectorIndex.build(
      [
        [1, 0, 0],
        [0, 1, 0],
        [Math.SQRT1_2, Math.SQRT1_2, 0],
      ],
      3,
    );
    const hits = index.search([2, 0.2, 0], 3);
    expect(hits.map((hit) => hit.index)).toEqual([0, 2, 1]);
    expect(hits[0]!.similarity).toBeCloseTo(2 / Math.hypot(2, 0.2), 5);
  });

  it('orders vectors equally similar to the query by position, and stops at the limit', () => {
    const index = VectorIndex.build(
      [
        [0, 0, 1],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      3,
    );
    expect(index.search([0, 0, 1], 3).map((hit) => hit.index)).toEqual([0, 3, 1]);
  });

  it('finds the nearest neighbours: by comparing with every vector in a small index, through the graph in a large one', () => {
    const vectors = unitVectors(2_100, 8, 7);
    const large = VectorIndex.build(vectors, 8);
    const small = VectorIndex.build(vectors.slice(0, 300), 8);
    for (const query of unitVectors(20, 8, 99)) {
      const nearestSmall = small.search(query, 5).map((hit) => hit.index);
      const bySimilarity = vectors
        .slice(0, 300)
        .map((vector, index) => ({ index, dot: vector.reduce((s, v, d) => s + v * query[d]!, 0) }))
        .sort((left, right) => right.dot - left.dot)
        .slice(0, 5)
        .map((entry) => entry.index);
      expect(nearestSmall).toEqual(bySimilarity);
      const nearestLarge = large.search(query, 1).map((hit) => hit.index);
      const best = vectors
        .map((vector, index) => ({ index, dot: vector.reduce((s, v, d) => s + v * query[d]!, 0) }))
        .sort((left, right) => right.dot - left.dot)[0]!.index;
      expect(nearestLarge).toEqual([best]);
    }
  });
});
