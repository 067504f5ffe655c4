import type { PlanDocument } from '../../core/document-model.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { Occurrence } from './glossary-schema.ts';

/** Every sentence of every article that contains the term verbatim, in document order, each sentence once. */
export function findOccurrences(document: PlanDocument, term: string): Occurrence[] {
  return document.articles.flatMap((article) =>
    [...new Set(splitSentences(article.text).map((sentence) => sentence.text))]
      .filter((sentence) => sentence.includes(term))
      .map((quote) => ({ article: article.number, quote })),
  );
}

/** The numbers of the articles whose text contains the term. */
export function articlesUsing(document: PlanDocument, term: string): number[] {
  return document.articles
    .filter((article) => article.text.includes(term))
    .map((article) => article.number);
}
