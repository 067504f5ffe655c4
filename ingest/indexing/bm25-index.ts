/** Okapi BM25 over pre-tokenised documents. Serialisable as the token lists it was built from. */
export interface Bm25Options {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

export interface ScoredDocument {
  index: number;
  score: number;
}

export class Bm25Index {
  private readonly postings = new Map<string, Array<[docIndex: number, termFrequency: number]>>();
  private readonly lengths: number[];
  private readonly averageLength: number;
  readonly documentCount: number;

  constructor(
    documents: string[][],
    private readonly options: Bm25Options = DEFAULT_BM25,
  ) {
    this.documentCount = documents.length;
    this.lengths = documents.map((tokens) => tokens.length);
    this.averageLength =
      this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);
    documents.forEach((tokens, docIndex) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [token, count] of counts) {
        const list = this.postings.get(token) ?? [];
        list.push([docIndex, count]);
        this.postings.set(token, list);
      }
    });
  }

  /** Robertson–Spärck Jones IDF, floored at a small positive value so that very common terms still count a little. */
  idf(token: string): number {
    const documentFrequency = this.postings.get(token)?.length ?? 0;
    if (documentFrequency === 0) return 0;
    return Math.max(
      0.01,
      Math.log(1 + (this.documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)),
    );
  }

  documentFrequency(token: string): number {
    return this.postings.get(token)?.length ?? 0;
  }

  /** Scores every document that shares a term with the query; `weights` lets expansion terms count less. */
  search(queryTokens: string[], limit: number, weights?: Map<string, number>): ScoredDocument[] {
    const { k1, b } = this.options;
    const scores = new Map<number, number>();
    for (const token of new Set(queryTokens)) {
      const list = this.postings.get(token);
      if (!list) continue;
      const idf = this.idf(token) * (weights?.get(token) ?? 1);
      for (const [docIndex, termFrequency] of list) {
        const length = this.lengths[docIndex] ?? 0;
        const saturation =
          (termFrequency * (k1 + 1)) /
          (termFrequency + k1 * (1 - b + (b * length) / this.averageLength));
        scores.set(docIndex, (scores.get(docIndex) ?? 0) + idf * saturation);
      }
    }
    return [...scores.entries()]
      .map(([index, score]) => ({ index, score }))
      .sort((left, right) => right.score - left.score || left.index - right.index)
      .slice(0, limit);
  }
}
