import type { CitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';

export interface CitedQuote {
  article: number;
  quote: string;
}

/** 1 when every citation names an existing article and its quote is a verbatim substring of that article; else 0. */
export function citationValidity(citations: CitedQuote[], doc: PlanDocument): number {
  return citations.every((citation) => {
    const article = articleByNumber(doc, citation.article);
    return (
      article !== undefined && citation.quote.length > 0 && article.text.includes(citation.quote)
    );
  })
    ? 1
    : 0;
}

/** |cited ∩ (gold ∪ acceptable)| / |cited| over distinct cited articles; null when nothing is cited. */
export function citationPrecision(
  cited: number[],
  gold: number[],
  acceptable: number[] = [],
): number | null {
  const distinct = [...new Set(cited)];
  if (distinct.length === 0) return null;
  const allowed = new Set([...gold, ...acceptable]);
  return distinct.filter((article) => allowed.has(article)).length / distinct.length;
}

/** |cited ∩ gold| / |gold|; null when there is no gold article. */
export function citationRecall(cited: number[], gold: number[]): number | null {
  if (gold.length === 0) return null;
  const distinct = new Set(cited);
  return gold.filter((article) => distinct.has(article)).length / gold.length;
}

/** Which key facts an answer contains, comparing without width, punctuation or whitespace differences. */
export function factsFound(answer: string, facts: string[]): boolean[] {
  const text = normalizeLoose(answer);
  return facts.map((fact) => text.includes(normalizeLoose(fact)));
}

/** Structural references in prose (第12条, 第8部分) are references, not claims. */
const STRUCTURAL_REFERENCES = /第\s*\d+\s*(条|部分)/g;

/** The text without its citation markers (in any form the marker accepts, 〔第12、13条〕 included). */
function withoutMarkers(text: string, marker: CitationMarker): string {
  let result = '';
  let last = 0;
  for (const found of marker.findLoose(text)) {
    result += `${text.slice(last, found.index)} `;
    last = found.index + found.raw.length;
  }
  return result + text.slice(last);
}

/**
 * Counts that the document's structure itself establishes: its parts, its articles, each part's articles, its main
 * goals. An answer to 一共分为几个部分 states one of these; it is read off the document, not invented.
 */
function structuralCounts(doc: PlanDocument): Set<string> {
  return new Set(
    [
      doc.parts.length,
      doc.articles.length,
      doc.mainGoals.length,
      ...doc.parts.map((part) => part.articleNumbers.length),
    ].map(String),
  );
}

/**
 * Arabic numbers in an answer that occur in none of the articles it cites and are not a count of the document's own
 * structure or of the articles the answer cites: figures it may have invented. Citation markers (parsed with `marker`, built from
 * data/answer-templates.json) and structural references are not counted.
 */
export function unsupportedNumbers(
  answer: string,
  citedArticles: number[],
  doc: PlanDocument,
  marker: CitationMarker,
): string[] {
  const numbers =
    withoutMarkers(answer, marker)
      .replace(STRUCTURAL_REFERENCES, ' ')
      .normalize('NFKC')
      .match(/\d+(?:\.\d+)?/g) ?? [];
  const sources = citedArticles
    .map((number) => articleByNumber(doc, number)?.text.normalize('NFKC') ?? '')
    .join('\n');
  const counts = structuralCounts(doc);
  // How many articles the answer itself cites (《建议》中有3条提到“养老”) is a count its own citations show.
  counts.add(String(new Set(citedArticles).size));
  return [...new Set(numbers)].filter((value) => !sources.includes(value) && !counts.has(value));
}
