import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { HierarchicalNSW } = require('hnswlib-node') as typeof import('hnswlib-node');

export interface VectorHit {
  index: number;
  /** Cosine similarity in [-1, 1]. */
  similarity: number;
}

/** Fixed construction parameters and seed, so that the same vectors always give the same graph. */
const M = 16;
const EF_CONSTRUCTION = 200;
const SEED = 42;

/** Approximate nearest neighbours over unit vectors (hnswlib, cosine space); labels are chunk positions. */
export class VectorIndex {
  private constructor(
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {}

  static build(vectors: number[][], dimensions: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex(Math.max(1, vectors.length), M, EF_CONSTRUCTION, SEED);
    vectors.forEach((vector, label) => {
      if (vector.length !== dimensions)
        throw new Error(`vector ${label} has ${vector.length} dimensions, expected ${dimensions}`);
      hnsw.addPoint(vector, label);
    });
    return new VectorIndex(hnsw, dimensions);
  }

  static read(file: string, dimensions: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.readIndexSync(file);
    return new VectorIndex(hnsw, dimensions);
  }

  write(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  get size(): number {
    return this.hnsw.getCurrentCount();
  }

  search(query: number[], limit: number): VectorHit[] {
    const count = Math.min(limit, this.size);
    if (count === 0) return [];
    this.hnsw.setEf(Math.max(64, count * 2));
    const { neighbors, distances } = this.hnsw.searchKnn(query, count);
    return neighbors.map((index, position) => ({
      index,
      similarity: 1 - (distances[position] ?? 1),
    }));
  }
}
