import { normalizeForMatch } from '../../core/normalize-text.ts';
import { segment } from '../../ingest/tokenizer.ts';
import type { TermMapEntry } from '../policy/answer-policy.ts';

export interface Expansion {
  /** Colloquial phrases found in the question: listed words, or what a pattern matched (开个奶茶店). */
  matched: string[];
  /** The plan's wording for them, to be searched alongside the question. */
  policyTerms: string[];
  topics: string[];
  /** Each matched phrase with the policy terms it stands for. */
  pairs: Array<{ phrase: string; policy: string[] }>;
}

/** Finds everyday phrases in a question and returns the policy terms they stand for. */
export function expandColloquial(question: string, termMap: readonly TermMapEntry[]): Expansion {
  const text = normalizeForMatch(question);
  // A one-character word (网, 玩) only counts as a whole word, not inside 网络 or 玩具.
  const words = new Set(segment(question));
  const matched = new Set<string>();
  const policyTerms = new Set<string>();
  const topics = new Set<string>();
  const pairs: Expansion['pairs'] = [];
  for (const entry of termMap) {
    const word = entry.colloquial.find((candidate) =>
      candidate.length > 1 ? text.includes(candidate) : words.has(candidate),
    );
    const phrase =
      word ??
      entry.patterns
        .map((pattern) => pattern.exec(text)?.[0])
        .find((found): found is string => Boolean(found));
    if (!phrase) continue;
    matched.add(phrase);
    topics.add(entry.topic);
    pairs.push({ phrase, policy: entry.policy });
    for (const term of entry.policy) policyTerms.add(term);
  }
  return { matched: [...matched], policyTerms: [...policyTerms], topics: [...topics], pairs };
}

/** Whether a phrase is one of the map's listed words, as opposed to the text a pattern matched. */
export function isListedColloquialWord(phrase: string, termMap: readonly TermMapEntry[]): boolean {
  return termMap.some((entry) => entry.colloquial.includes(phrase));
}
