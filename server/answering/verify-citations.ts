import type { PlanDocument } from '../../core/document-model.ts';
import { locateVerbatim } from '../../core/locate-verbatim.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { CitationMarker } from '../../core/citation-marker.ts';
import { citationOf, uniqueCitations } from './citation-of.ts';
import { bestSentences, type EvidenceQuery } from './select-evidence.ts';

export interface VerifiedAnswer {
  answer: string;
  citations: Citation[];
  /** Markers that named articles the model was not given, removed from the answer. */
  removedMarkers: number[];
  /** Quoted passages that are not in the cited article, unquoted in the answer. */
  unverifiedQuotes: string[];
}

export interface VerifyRules {
  marker: CitationMarker;
  /** Corpus IDF, to find the sentence a marker without a quote stands for. */
  idf: (token: string) => number;
  weights: EvidenceQuery['weights'];
}

/** Words before a marker considered when looking for the sentence it stands for. */
const CONTEXT_CHARS = 120;

/**
 * Checks a model's answer against the document: markers may only name retrieved articles; a quoted passage must be
 * verbatim in the article it cites (else its quotation marks are removed); every citation carries a verbatim quote.
 */
export function verifyCitations(
  answer: string,
  doc: PlanDocument,
  retrieved: number[],
  rules: VerifyRules,
): VerifiedAnswer {
  const { marker } = rules;
  const removedMarkers: number[] = [];
  // Every marker a model may write (〔第三十条〕, [第30条], 〔第12条、第13条〕) becomes canonical markers of retrieved articles.
  let text = '';
  let last = 0;
  for (const found of marker.findLoose(answer)) {
    const kept = found.articles.filter((number) => retrieved.includes(number));
    removedMarkers.push(...found.articles.filter((number) => !retrieved.includes(number)));
    text += answer.slice(last, found.index) + kept.map(marker.format).join('');
    last = found.index + found.raw.length;
  }
  text += answer.slice(last);

  const citations: Citation[] = [];
  const unverifiedQuotes: string[] = [];
  const quoteBeforeMarker = new RegExp(`“([^“”]{2,400})”\\s*((?:${marker.source})+)`, 'g');
  text = text.replace(quoteBeforeMarker, (whole: string, quoted: string, markers: string) => {
    for (const number of marker.citedArticles(markers)) {
      const article = articleByNumber(doc, number);
      const verbatim = article ? locateVerbatim(article.text, quoted) : null;
      if (article && verbatim !== null) {
        citations.push(citationOf(doc, article, verbatim));
        return whole;
      }
    }
    unverifiedQuotes.push(quoted);
    return `${quoted}${markers}`;
  });

  // Markers without a verified quote get the article sentence closest to the words that precede them.
  for (const found of marker.find(text)) {
    const number = found.articles[0]!;
    if (citations.some((citation) => citation.article === number)) continue;
    const article = articleByNumber(doc, number);
    if (!article) continue;
    const before =
      text
        .slice(Math.max(0, found.index - CONTEXT_CHARS), found.index)
        .split(/[。！？\n]/)
        .filter(Boolean)
        .at(-1) ?? '';
    const query: EvidenceQuery = {
      terms: tokenize(before).map((token) => ({ token, weight: 1 })),
      idf: rules.idf,
      weights: rules.weights,
    };
    const [best] = bestSentences(article, query, 1);
    if (best) citations.push(citationOf(doc, article, best.sentence.text));
  }
  return { answer: text, citations: uniqueCitations(citations), removedMarkers, unverifiedQuotes };
}
