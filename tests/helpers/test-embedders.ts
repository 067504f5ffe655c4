import { l2Normalize, type Embedder } from '../../ingest/embedding/embedder.ts';
import { OfflineHashEmbedder } from '../../ingest/embedding/offline-hash-embedder.ts';

/** A tiny deterministic embedder (character histogram over a few slots) with its own id, to build an index no other embedder may read. */
export class TinyTestEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  calls = 0;

  constructor(options: { id?: string; dimensions?: number } = {}) {
    this.id = options.id ?? 'tiny-test-embedder';
    this.dimensions = options.dimensions ?? 8;
  }

  async embed(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    return texts.map((text) => {
      const vector = new Array<number>(this.dimensions).fill(0);
      vector[0] = 1;
      for (const char of text) {
        const slot = (char.codePointAt(0) ?? 0) % this.dimensions;
        vector[slot] = (vector[slot] ?? 0) + 1;
      }
      return l2Normalize(vector);
    });
  }
}

/** The offline embedder (same id, same vectors) that throws on its n-th call: an ingest that fails midway. */
export class FailingOfflineEmbedder implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  calls = 0;
  private readonly inner = new OfflineHashEmbedder();

  constructor(private readonly failOnCall: number) {
    this.id = this.inner.id;
    this.dimensions = this.inner.dimensions;
  }

  async embed(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    if (this.calls === this.failOnCall)
      throw new Error(`simulated embedder failure on batch ${this.calls}`);
    return this.inner.embed(texts);
  }
}
