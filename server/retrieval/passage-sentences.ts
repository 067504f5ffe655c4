import { normalizeForMatch } from '../../core/normalize-text.ts';
import { splitSentences, type Sentence } from '../../core/split-sentences.ts';
import { tokenize } from '../../ingest/tokenizer.ts';

/** A sentence of a passage (an article or a chunk) with what ranking reads of it. */
export interface PassageSentence {
  sentence: Sentence;
  /** Position in the passage (0 is an article's title sentence). */
  position: number;
  /** Its ranking tokens, in order (a snippet counts repeated words). */
  tokens: readonly string[];
  /** The same tokens, once each (evidence scoring). */
  tokenSet: ReadonlySet<string>;
  /** Its text normalised for matching (whether it holds a whole phrase of the plan). */
  normalized: string;
  /** Figures and quoted slogans (“两个先行”) in it: what makes a sentence concrete besides the plan's own terms. */
  figures: number;
}

const FIGURE_OR_SLOGAN = /\d+|“[^”]+”/g;

const byPassage = new WeakMap<object, readonly PassageSentence[]>();

/**
 * The sentences of a passage, tokenised, worked out once per passage object: the same articles and chunks are read
 * for question after question (quoted as evidence, cut into snippets).
 */
export function passageSentences(passage: { readonly text: string }): readonly PassageSentence[] {
  let sentences = byPassage.get(passage);
  if (!sentences) {
    sentences = Object.freeze(
      splitSentences(passage.text).map((sentence, position) => {
        const tokens = tokenize(sentence.text);
        return {
          sentence,
          position,
          tokens,
          tokenSet: new Set(tokens),
          normalized: normalizeForMatch(sentence.text),
          figures: (sentence.text.match(FIGURE_OR_SLOGAN) ?? []).length,
        };
      }),
    );
    byPassage.set(passage, sentences);
  }
  return sentences;
}
