// Finds where a cited quote sits in an article's text. Quotes come from the
// server and usually match exactly; the core's locateVerbatimRange also
// tolerates width, punctuation and whitespace variants (，/,). What is the
// page's own: trimmed edge punctuation, "甲……乙" quotes cut at an ellipsis,
// and, for a paraphrase, highlighting the sentence that shares most of it.
import { locateVerbatimRange, type TextRange } from '../../core/locate-verbatim.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { splitSentences } from '../../core/split-sentences.ts';

export type Range = TextRange;

/** Sentence punctuation a quote may begin or end with where the article has other (or none). */
const EDGE_PUNCTUATION = /^[\s。．.，,、；;：:！!？?]+|[\s。．.，,、；;：:！!？?]+$/g;

/** Exact or normalised match (core), then again without the quote's edge punctuation. */
function locateVerbatimish(text: string, quote: string): Range | null {
  const range = locateVerbatimRange(text, quote);
  if (range) return range;
  const bare = quote.replace(EDGE_PUNCTUATION, '');
  return bare && bare !== quote ? locateVerbatimRange(text, bare) : null;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * Last resort: the sentence containing the largest share of the quote's
 * character pairs (a paraphrased quote still shares most of them).
 */
function bestSentence(text: string, quote: string): Range | null {
  const q = bigrams(normalizeForMatch(quote));
  if (q.size === 0) return null;
  let best: Range | null = null;
  let bestScore = 0.6; // below this a highlight would mislead more than help
  for (const sentence of splitSentences(text)) {
    const s = bigrams(normalizeForMatch(sentence.text));
    let shared = 0;
    for (const g of q) if (s.has(g)) shared++;
    const score = shared / q.size;
    if (score > bestScore) {
      bestScore = score;
      best = { start: sentence.start, end: sentence.end };
    }
  }
  return best;
}

export function locateQuote(text: string, quote: string): Range | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const found = locateVerbatimish(text, trimmed);
  if (found) return found;
  // "甲……乙" style quotes: highlight the longest contiguous piece.
  const pieces = trimmed.split(/…+|\.{3,}/).sort((a, b) => b.length - a.length);
  const longest = pieces.length > 1 ? pieces[0]?.trim() : undefined;
  if (longest && longest.length >= 6) {
    const piece = locateVerbatimish(text, longest);
    if (piece) return piece;
  }
  return bestSentence(text, trimmed);
}

/** All quote ranges, sorted and with overlaps merged. */
export function locateQuotes(text: string, quotes: readonly string[]): Range[] {
  const found = quotes.map((q) => locateQuote(text, q)).filter((r): r is Range => r !== null);
  found.sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of found) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}
