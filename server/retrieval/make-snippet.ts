import { passageSentences } from './passage-sentences.ts';

const SNIPPET_CHARS = 90;

/** The sentence of a passage that shares the most query words (the first on a tie), cut to a readable length. */
export function makeSnippet(passage: { readonly text: string }, queryTokens: string[]): string {
  const sentences = passageSentences(passage);
  let best = sentences[0]?.sentence.text ?? passage.text;
  if (queryTokens.length > 0) {
    const wanted = new Set(queryTokens);
    let bestScore = -1;
    for (const { sentence, tokens } of sentences) {
      let score = 0;
      for (const token of tokens) if (wanted.has(token)) score += 1;
      if (score > bestScore) {
        best = sentence.text;
        bestScore = score;
      }
    }
  }
  return best.length > SNIPPET_CHARS ? `${best.slice(0, SNIPPET_CHARS)}…` : best;
}
