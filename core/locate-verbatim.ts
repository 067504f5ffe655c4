import { normalizeForMatch } from './normalize-text.ts';

/** A span of a text, as offsets [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Where `quote` reproduces `text`, tolerating only width, punctuation and whitespace variants (a model writing ，
 * for the source's ,). Null when the words themselves differ.
 */
export function locateVerbatimRange(text: string, quote: string): TextRange | null {
  const exact = text.indexOf(quote);
  if (exact >= 0 && quote.length > 0) return { start: exact, end: exact + quote.length };
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
  return { start, end: (offsets[at + target.length - 1] ?? start) + 1 };
}

/** The verbatim text of the document that a quote reproduces (see locateVerbatimRange), or null. */
export function locateVerbatim(text: string, quote: string): string | null {
  const range = locateVerbatimRange(text, quote);
  return range ? text.slice(range.start, range.end) : null;
}
