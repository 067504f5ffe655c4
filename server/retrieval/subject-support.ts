import type { QueryTerm } from '../query/question-analysis.ts';

/** What a question's words are read against: the plan's own vocabulary and general language. */
export interface SubjectLexicon {
  /** The word is in so much of the plan that it says nothing about a subject (乌海, 发展). */
  generic(token: string): boolean;
  /** How specific the word is in general language (IDF; a word the general table lacks gets its mean). */
  specificity(token: string): number;
}

/**
 * The question's informative words, its own or the plan's stand-ins for its everyday words, with their specificity:
 * words of two characters or more (Chinese or Latin: BDO) that are not generic in the plan. Pure.
 */
export function informativeWords(
  terms: readonly QueryTerm[],
  lexicon: SubjectLexicon,
): ReadonlyMap<string, number> {
  const informative = new Map<string, number>();
  for (const { token } of terms)
    if (isWord(token) && !lexicon.generic(token))
      informative.set(token, lexicon.specificity(token));
  return informative;
}

/** A word of two characters or more, Chinese or Latin (BDO); a single character says too little on its own. */
function isWord(token: string): boolean {
  return token.length >= 2 && /[\p{Script=Han}a-z]/u.test(token);
}

/**
 * Whether a sentence offered beside a refusal is related by more than a generic word it happens to share (市委 in a
 * sentence about the last five years, for 现任市委书记是谁): it must share one specific word or two informative ones,
 * each as a word of the sentence (segmentUnits: 书记 inside 总书记 is not shared, 承包 inside 土地承包 is). Pure.
 */
export function relatesBeyondOneWord(
  sentenceWords: ReadonlySet<string>,
  informative: ReadonlyMap<string, number>,
  specificIdf: number,
): boolean {
  let shared = 0;
  for (const [token, specificity] of informative) {
    if (!sentenceWords.has(token)) continue;
    if (specificity >= specificIdf) return true;
    shared += 1;
  }
  return shared >= 2;
}
