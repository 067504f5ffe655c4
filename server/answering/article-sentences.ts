import type { Article } from '../../core/document-model.ts';
import { splitSentences, type Sentence } from '../../core/split-sentences.ts';
import { tokenize } from '../../ingest/tokenizer.ts';

/** A sentence of an article with what scoring reads of it, worked out once per article rather than per question. */
export interface ArticleSentence {
  sentence: Sentence;
  /** Position in the article (0 is the title sentence). */
  position: number;
  /** Its ranking tokens, once each. */
  tokens: ReadonlySet<string>;
  /** Figures and quoted slogans (“两个先行”) in it: what makes a sentence concrete besides the plan's own terms. */
  figures: number;
}

const FIGURE_OR_SLOGAN = /\d+|“[^”]+”/g;

const byArticle = new WeakMap<Article, readonly ArticleSentence[]>();

/** The sentences of an article, tokenised: the same articles are scored for question after question. */
export function articleSentences(article: Article): readonly ArticleSentence[] {
  let sentences = byArticle.get(article);
  if (!sentences) {
    sentences = Object.freeze(
      splitSentences(article.text).map((sentence, position) => ({
        sentence,
        position,
        tokens: new Set(tokenize(sentence.text)),
        figures: (sentence.text.match(FIGURE_OR_SLOGAN) ?? []).length,
      })),
    );
    byArticle.set(article, sentences);
  }
  return sentences;
}
