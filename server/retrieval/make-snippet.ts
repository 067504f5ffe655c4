import { splitSentences } from '../../core/split-sentences.ts';
import { tokenize } from '../../ingest/tokenizer.ts';

const SNIPPET_CHARS = 90;

/** The sentence of a passage that shares the most query words, cut to a readable length. */
export function makeSnippet(text: string, queryTokens: string[]): string {
  const wanted = new Set(queryTokens);
  let best = text;
  let bestScore = -1;
  for (const sentence of splitSentences(text)) {
    const score = tokenize(sentence.text).filter((token) => wanted.has(token)).length;
    if (score > bestScore) {
      best = sentence.text;
      bestScore = score;
    }
  }
  return best.length > SNIPPET_CHARS ? `${best.slice(0, SNIPPET_CHARS)}…` : best;
}
