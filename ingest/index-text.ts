import type { Chunk } from '../core/document-model.ts';

/**
 * The text a chunk is ranked on: its own words plus a short context header (part and article titles), so that a
 * passage from the middle of an article still matches questions about the article's or part's subject.
 * Quotes always come from `chunk.text`, never from this.
 */
export function indexTextOf(chunk: Chunk): string {
  const header = [
    chunk.partTitle,
    chunk.articleTitle,
    chunk.section === 'main-goal' ? '主要目标' : null,
  ]
    .filter(Boolean)
    .join(' ');
  return header ? `${header}\n${chunk.text}` : chunk.text;
}
