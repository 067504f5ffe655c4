import type { PlanDocument } from '../../core/document-model.ts';
import { citationMarker } from '../chat/answer-templates.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import type { Citation } from '../../core/wire/chat-wire.ts';
import { citationOf, uniqueCitations } from './citation-of.ts';
import { articleByNumber, bestSentences, type EvidenceQuery } from './select-evidence.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import { parseNumeral } from '../../core/numerals.ts';

export interface VerifiedAnswer {
  answer: string;
  citations: Citation[];
  /** Markers that named articles the model was not given, removed from the answer. */
  removedMarkers: number[];
  /** Quoted passages that are not in the cited article, unquoted in the answer. */
  unverifiedQuotes: string[];
}

const MARKER = /〔第(\d+)条(?:、第(\d+)条)*〕/g;
const QUOTE_BEFORE_MARKER = /“([^“”]{2,400})”\s*((?:〔第\d+条〕)+)/g;

/**
 * Checks a model's answer against the document: markers may only name retrieved articles; a quoted passage must be
 * verbatim in the article it cites (else its quotation marks are removed); every citation carries a verbatim quote.
 */
export function verifyCitations(answer: string, doc: PlanDocument, retrieved: number[], idf: (token: string) => number): VerifiedAnswer {
  const removedMarkers: number[] = [];
  let text = normalizeMarkers(answer).replace(MARKER, (marker: string) => {
    const numbers = [...marker.matchAll(/第(\d+)条/g)].map((match) => Number(match[1]));
    const kept = numbers.filter((number) => retrieved.includes(number));
    removedMarkers.push(...numbers.filter((number) => !retrieved.includes(number)));
    return kept.map(citationMarker).join('');
  });

  const citations: Citation[] = [];
  const unverifiedQuotes: string[] = [];
  text = text.replace(QUOTE_BEFORE_MARKER, (whole: string, quoted: string, markers: string) => {
    const numbers = [...markers.matchAll(/第(\d+)条/g)].map((match) => Number(match[1]));
    for (const number of numbers) {
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
  for (const match of text.matchAll(/〔第(\d+)条〕/g)) {
    const number = Number(match[1]);
    if (citations.some((citation) => citation.article === number)) continue;
    const article = articleByNumber(doc, number);
    if (!article) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 120), match.index).split(/[。！？\n]/).filter(Boolean).at(-1) ?? '';
    const query: EvidenceQuery = { terms: tokenize(before).map((token) => ({ token, weight: 1 })), idf };
    const [best] = bestSentences(article, query, 1);
    if (best) citations.push(citationOf(doc, article, best.sentence.text));
  }
  return { answer: text, citations: uniqueCitations(citations), removedMarkers, unverifiedQuotes };
}

/** Models also write 〔第三十条〕, 〔第 30 条〕 or [第30条]: all become 〔第30条〕 before checking. */
function normalizeMarkers(text: string): string {
  return text.replace(/[〔\[【]\s*第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*条\s*[〕\]】]/g, (whole: string, value: string) => {
    const number = parseNumeral(value);
    return number === null ? whole : citationMarker(number);
  });
}

/**
 * The verbatim span of `text` that a quote reproduces, tolerating only width and punctuation variants
 * (a model writing ， for the source's ,). Null when the words themselves differ.
 */
export function locateVerbatim(text: string, quote: string): string | null {
  if (text.includes(quote)) return quote;
  const target = normalizeForMatch(quote);
  if (target.length < 2) return null;
  // Map each normalised character back to its offset in the original.
  const offsets: number[] = [];
  let normalized = '';
  for (let index = 0; index < text.length; index += 1) {
    const piece = normalizeForMatch(text[index] ?? '');
    for (let count = 0; count < piece.length; count += 1) offsets.push(index);
    normalized += piece;
  }
  const at = normalized.indexOf(target);
  if (at < 0) return null;
  const start = offsets[at] ?? 0;
  const end = (offsets[at + target.length - 1] ?? start) + 1;
  return text.slice(start, end);
}
