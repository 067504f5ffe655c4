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

/**
 * A term's documents and, for each, its term-frequency saturation (tf·(k1+1) / (tf + k1·(1−b+b·len/avglen))): fixed
 * once the index is built, so a search only multiplies it by the term's IDF and weight.
 */
interface Posting {
  documents: number[];
  saturations: number[];
}

export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly averageLength: number;
  readonly documentCount: number;

  constructor(documents: string[][], options: Bm25Options = DEFAULT_BM25) {
    this.documentCount = documents.length;
    const lengths = documents.map((tokens) => tokens.length);
    this.averageLength =
      lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);
    const { k1, b } = options;
    documents.forEach((tokens, docIndex) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      const length = lengths[docIndex] ?? 0;
      for (const [token, termFrequency] of counts) {
        const posting = this.postings.get(token) ?? { documents: [], saturations: [] };
        posting.documents.push(docIndex);
        posting.saturations.push(
          (termFrequency * (k1 + 1)) /
            (termFrequency + k1 * (1 - b + (b * length) / this.averageLength)),
        );
        this.postings.set(token, posting);
      }
    });
  }

  /** Robertson–Spärck Jones IDF, floored at a small positive value so that very common terms still count a little. */
  idf(token: string): number {
    const documentFrequency = this.documentFrequency(token);
    if (documentFrequency === 0) return 0;
    return Math.max(
      0.01,
      Math.log(1 + (this.documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)),
    );
  }

  documentFrequency(token: string): number {
    return this.postings.get(token)?.documents.length ?? 0;
  }

  /** The documents that hold a token, in document order. */
  documentsWith(token: string): readonly number[] {
    return this.postings.get(token)?.documents ?? [];
  }

  /** Scores every document that shares a term with the query; `weights` lets expansion terms count less. */
  search(queryTokens: string[], limit: number, weights?: Map<string, number>): ScoredDocument[] {
    const scores = new Map<number, number>();
    for (const token of new Set(queryTokens)) {
      const posting = this.postings.get(token);
      if (!posting) continue;
      const idf = this.idf(token) * (weights?.get(token) ?? 1);
      const { documents, saturations } = posting;
      for (let position = 0; position < documents.length; position += 1) {
        const docIndex = documents[position]!;
        scores.set(docIndex, (scores.get(docIndex) ?? 0) + idf * saturations[position]!);
      }
    }
    return [...scores.entries()]
      .map(([index, score]) => ({ index, score }))
      .sort((left, right) => right.score - left.score || left.index - right.index)
      .slice(0, limit);
  }
}
