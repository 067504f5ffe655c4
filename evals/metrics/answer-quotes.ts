import type { CitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import type { CitedQuote } from './answer-metrics.ts';

/** A passage an answer quotes, in the order the reader meets it. */
export interface AnswerQuote {
  quote: string;
  /** The article it cites; null for the document's own text outside the articles. */
  article: number | null;
}

/** The document's own text outside the numbered articles: title, adoption note, preamble, part headings and openings, closing. */
export function textOutsideArticles(doc: PlanDocument): string {
  return [
    doc.title,
    doc.adoptionNote,
    doc.preamble,
    ...doc.parts.flatMap((part) => [part.title, part.intro]),
    doc.closing,
  ].join('\n');
}

/**
 * The quotes of an answer in reading order: each citation (a line ending in its marker), and each line that ends in a
 * “verbatim quote” of the document's text outside the articles without a marker — the adoption note, the preamble,
 * a part's heading or opening, the closing — which answers about the document itself quote because no article holds
 * them. Titles quoted inside a lead line (第12条“…”（第四部分“…”）的主要内容：) end no line and are not quotes. Pure.
 */
export function answerQuotes(
  answer: string,
  citations: readonly CitedQuote[],
  outsideArticles: string,
  marker: Pick<CitationMarker, 'trailingArticle'>,
): AnswerQuote[] {
  const quotes: AnswerQuote[] = [];
  let cited = 0;
  for (const line of answer.split('\n')) {
    if (marker.trailingArticle(line) !== null) {
      const citation = citations[cited];
      cited += 1;
      if (citation) quotes.push({ quote: citation.quote, article: citation.article });
      continue;
    }
    if (!line.endsWith('”')) continue;
    // The quote may hold “…” of its own (slogans): the longest closing quote that is verbatim counts.
    const quote = [...line.matchAll(/“/g)]
      .map(({ index = 0 }) => line.slice(index + 1, -1))
      .find((candidate) => candidate.length > 0 && outsideArticles.includes(candidate));
    if (quote) quotes.push({ quote, article: null });
  }
  // Citations whose lines were not found (a model's answer may place them otherwise) still count, after the rest.
  for (const citation of citations.slice(cited))
    quotes.push({ quote: citation.quote, article: citation.article });
  return quotes;
}
