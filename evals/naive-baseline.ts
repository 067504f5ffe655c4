import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { PlanDocument } from '../core/document-model.ts';
import { Bm25Index } from '../ingest/indexing/bm25-index.ts';
import { tokenize } from '../ingest/tokenizer.ts';

const CHUNK_CHARS = 500;

/**
 * The naive pipeline the structure-aware one is compared with: the article texts joined, cut into fixed 500-character
 * chunks with no regard for sentences or articles, ranked by BM25 on jieba tokens. A chunk counts as every article
 * it overlaps.
 */
export class NaiveBaseline {
  private readonly bm25: Bm25Index;
  private readonly chunkArticles: number[][] = [];

  private constructor(chunks: Array<{ text: string; articles: number[] }>) {
    this.bm25 = new Bm25Index(chunks.map((chunk) => tokenize(chunk.text)));
    this.chunkArticles = chunks.map((chunk) => chunk.articles);
  }

  static async build(doc: PlanDocument): Promise<NaiveBaseline> {
    let text = '';
    const spans: Array<{ article: number; start: number; end: number }> = [];
    for (const article of doc.articles) {
      spans.push({
        article: article.number,
        start: text.length,
        end: text.length + article.text.length,
      });
      text += `${article.text}\n`;
    }
    // LangChain's splitter with no separators cuts at fixed character counts, as a naive pipeline would.
    const splitter = new RecursiveCharacterTextSplitter({
      chunkSize: CHUNK_CHARS,
      chunkOverlap: 0,
      separators: [''],
    });
    const pieces = await splitter.splitText(text);
    let cursor = 0;
    const chunks = pieces.map((piece) => {
      const start = text.indexOf(piece, cursor);
      const end = start + piece.length;
      cursor = end;
      return {
        text: piece,
        articles: spans
          .filter((span) => span.start < end && span.end > start)
          .map((span) => span.article),
      };
    });
    return new NaiveBaseline(chunks);
  }

  /** Article numbers, best first, without duplicates. */
  rank(question: string, k: number): number[] {
    const ranked: number[] = [];
    for (const hit of this.bm25.search(tokenize(question), 50)) {
      for (const article of this.chunkArticles[hit.index] ?? [])
        if (!ranked.includes(article)) ranked.push(article);
      if (ranked.length >= k) break;
    }
    return ranked.slice(0, k);
  }
}
