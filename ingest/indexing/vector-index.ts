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

/**
 * Up to this many vectors, a query is compared with every one of them: exact, and for a plan's hundred chunks some
 * thirty times cheaper than a graph search (whose native call alone costs more than the scan). Beyond it, the graph.
 */
const EXACT_SEARCH_LIMIT = 2_000;

/** Approximate nearest neighbours over unit vectors (hnswlib, cosine space); labels are chunk positions. */
export class VectorIndex {
  /** For an exact search: the stored unit vectors, dimension by dimension (all vectors' values of dimension 0 first). */
  private readonly byDimension: Float32Array | null;
  /** The number of vectors: an index is never added to once built or read. */
  readonly size: number;

  private constructor(
    private readonly hnsw: InstanceType<typeof HierarchicalNSW>,
    readonly dimensions: number,
  ) {
    const count = hnsw.getCurrentCount();
    this.size = count;
    if (count > EXACT_SEARCH_LIMIT) {
      this.byDimension = null;
      return;
    }
    this.byDimension = new Float32Array(count * dimensions);
    for (let label = 0; label < count; label += 1)
      hnsw.getPoint(label).forEach((value, dimension) => {
        this.byDimension![dimension * count + label] = value;
      });
  }

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

  /** The `limit` vectors most similar to the query, most similar first (equal ones in label order when exact). */
  search(query: number[], limit: number): VectorHit[] {
    const count = Math.min(limit, this.size);
    if (count === 0) return [];
    if (this.byDimension) return this.exactSearch(query, count);
    this.hnsw.setEf(Math.max(64, count * 2));
    const { neighbors, distances } = this.hnsw.searchKnn(query, count);
    return neighbors.map((index, position) => ({
      index,
      similarity: 1 - (distances[position] ?? 1),
    }));
  }

  /** Inner products with every stored vector; a query's zero dimensions are skipped (offline queries are sparse). */
  private exactSearch(query: number[], count: number): VectorHit[] {
    const size = this.size;
    const byDimension = this.byDimension!;
    const products = new Float64Array(size);
    let squaredNorm = 0;
    for (let dimension = 0; dimension < this.dimensions; dimension += 1) {
      const value = query[dimension] ?? 0;
      if (value === 0) continue;
      squaredNorm += value * value;
      const offset = dimension * size;
      for (let label = 0; label < size; label += 1)
        products[label]! += value * byDimension[offset + label]!;
    }
    const norm = Math.sqrt(squaredNorm) || 1;
    const labels = Array.from({ length: size }, (_, label) => label);
    labels.sort((left, right) => products[right]! - products[left]! || left - right);
    return labels.slice(0, count).map((index) => ({ index, similarity: products[index]! / norm }));
  }
}
