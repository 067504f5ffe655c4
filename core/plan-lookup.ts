import type { Article, Part, PlanDocument } from './document-model.ts';

/** The article with this number, if the document has one. */
export function articleByNumber(doc: PlanDocument, articleNumber: number): Article | undefined {
  return doc.articles.find((article) => article.number === articleNumber);
}

/** The part with this number, if the document has one. */
export function partByNumber(doc: PlanDocument, partNumber: number): Part | undefined {
  return doc.parts.find((part) => part.number === partNumber);
}

/** The part an article belongs to. */
export function partOf(doc: PlanDocument, article: Article): Part {
  const part = partByNumber(doc, article.partNumber);
  if (!part)
    throw new Error(
      `article ${article.number} names part ${article.partNumber}, which the document lacks`,
    );
  return part;
}
