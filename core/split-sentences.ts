/** A sentence of a text with its offsets, so that quotes can be located in the original. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?；;]|\n/;

const cache = new Map<string, readonly Sentence[]>();
const CACHE_LIMIT = 5_000;

/** Splits at sentence-final punctuation and paragraph breaks; the punctuation stays with its sentence. Memoised: the same articles are split for every question. */
export function splitSentences(text: string): Sentence[] {
  const hit = cache.get(text);
  if (hit) return hit as Sentence[];
  const sentences = Object.freeze(split(text));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, sentences);
  return sentences as Sentence[];
}

function split(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (!SENTENCE_END.test(char)) continue;
    const end = char === '\n' ? index : index + 1;
    pushTrimmed(text, start, end, sentences);
    start = index + 1;
  }
  pushTrimmed(text, start, text.length, sentences);
  return sentences;
}

function pushTrimmed(text: string, rawStart: number, rawEnd: number, into: Sentence[]): void {
  let start = rawStart;
  let end = rawEnd;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end > start) into.push({ text: text.slice(start, end), start, end });
}
