import type { QueryTerm } from '../query/question-analysis.ts';

/** What a question's words are read against: the plan's own vocabulary and general language. */
export interface SubjectLexicon {
  /** The plan uses the word (a token of its text). */
  inPlan(token: string): boolean;
  /** The word is in so much of the plan that it says nothing about a subject (乌海, 发展). */
  generic(token: string): boolean;
  /** How specific the word is in general language (IDF; a word the general table lacks gets its mean). */
  specificity(token: string): number;
  /** The general table knows the word: an unknown one (a stray fragment, 我列) is no evidence of a subject. */
  known(token: string): boolean;
}

/** How much of a question's subject the plan speaks to, from its words alone. */
export interface SubjectSupport {
  /** Share of the subject's weight (specificity) carried by specific words the plan never uses. */
  unsupportedShare: number;
  /** Those words (骨科, 半月板): the question's subject where the plan is silent. */
  unsupported: string[];
}

/**
 * Reads the words of the clause that asks (not the scene around it, not the framing): a specific word the plan never
 * uses, and that no everyday-word mapping carries into the plan's wording (暖气 → 清洁供暖 is covered), is subject
 * the plan does not speak to; a word the plan uses supports it by its specificity; an absent word general language
 * does not know (a stray fragment) or that is less specific (以后, 比较) weighs nothing either way. Pure.
 */
export function subjectSupport(
  terms: readonly QueryTerm[],
  alternatives: ReadonlyMap<string, readonly string[]>,
  lexicon: SubjectLexicon,
  specificIdf: number,
): SubjectSupport {
  let unsupportedWeight = 0;
  let supportedWeight = 0;
  const unsupported: string[] = [];
  const read = new Set<string>();
  for (const term of terms) {
    const { token } = term;
    if (
      term.weight < 1 ||
      term.scene ||
      read.has(token) ||
      !isWord(token) ||
      lexicon.generic(token)
    )
      continue;
    read.add(token);
    const specificity = lexicon.specificity(token);
    // The plan's own terms (碳达峰) are often unknown to general language: used by the plan, they support it.
    if (lexicon.inPlan(token) || (alternatives.get(token)?.length ?? 0) > 0)
      supportedWeight += specificity;
    else if (specificity >= specificIdf && lexicon.known(token)) {
      unsupported.push(token);
      unsupportedWeight += specificity;
    }
  }
  const total = unsupportedWeight + supportedWeight;
  return { unsupportedShare: total === 0 ? 0 : unsupportedWeight / total, unsupported };
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
