// Finds where a cited quote sits in an article's text. Quotes come from the
// server and usually match exactly, but width of punctuation (,/，), spacing
// and trimmed ellipses can differ, so matching falls back step by step.

export interface Range {
  start: number;
  end: number;
}

const PUNCT: Record<string, string> = {
  '，': ',', '；': ';', '：': ':', '（': '(', '）': ')', '！': '!', '？': '?',
  '“': '"', '”': '"', '‘': "'", '’': "'", '「': '"', '」': '"',
};

/** Normalised text plus, for each normalised char, its index in the original. */
function normalise(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) continue;
    norm += PUNCT[ch] ?? ch;
    map.push(i);
  }
  return { norm, map };
}

function findNormalised(text: string, quote: string): Range | null {
  const t = normalise(text);
  const q = normalise(quote).norm.replace(/^[。.,;]+|[。.,;]+$/g, '');
  if (q.length < 2) return null;
  const at = t.norm.indexOf(q);
  if (at === -1) return null;
  const start = t.map[at] ?? 0;
  const end = (t.map[at + q.length - 1] ?? start) + 1;
  return { start, end };
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
  const q = bigrams(normalise(quote).norm);
  if (q.size === 0) return null;
  let best: Range | null = null;
  let bestScore = 0.6; // below this a highlight would mislead more than help
  const sentence = /[^。！？；!?;\n]+[。！？；!?;]?/g;
  for (const m of text.matchAll(sentence)) {
    const s = bigrams(normalise(m[0]).norm);
    let shared = 0;
    for (const g of q) if (s.has(g)) shared++;
    const score = shared / q.size;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    }
  }
  return best;
}

export function locateQuote(text: string, quote: string): Range | null {
  const trimmed = quote.trim();
  if (!trimmed) return null;
  const exact = text.indexOf(trimmed);
  if (exact !== -1) return { start: exact, end: exact + trimmed.length };
  const loose = findNormalised(text, trimmed);
  if (loose) return loose;
  // "甲……乙" style quotes: highlight the longest contiguous piece.
  const pieces = trimmed.split(/…+|\.{3,}/).sort((a, b) => b.length - a.length);
  const longest = pieces.length > 1 ? pieces[0] : undefined;
  if (longest && longest.length >= 6) {
    const piece = findNormalised(text, longest);
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
