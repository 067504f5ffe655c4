import type { Article, Part, PlanDocument } from './document-model.ts';
import { normalizeForMatch } from './normalize-text.ts';

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

const fullTexts = new WeakMap<PlanDocument, string>();

/** Every word of the document (title, adoption note, preamble, parts, articles, closing), for "does it say X" checks. */
export function documentText(doc: PlanDocument): string {
  let text = fullTexts.get(doc);
  if (text === undefined) {
    text = [
      doc.title,
      doc.adoptionNote,
      doc.preamble,
      ...doc.parts.flatMap((part) => [part.title, part.intro]),
      ...doc.articles.map((article) => article.text),
      doc.closing,
    ].join('\n');
    fullTexts.set(doc, text);
  }
  return text;
}

const normalizedTexts = new WeakMap<PlanDocument, string>();

/** documentText normalised for matching (normalizeForMatch), built once per document: it is read on every answer. */
export function normalizedDocumentText(doc: PlanDocument): string {
  let text = normalizedTexts.get(doc);
  if (text === undefined) {
    text = normalizeForMatch(documentText(doc));
    normalizedTexts.set(doc, text);
  }
  return text;
}
