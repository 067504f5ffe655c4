import { normalizeForMatch } from '../../core/normalize-text.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { Expansion } from './colloquial-expansion.ts';

/** For each word of the plan that a question's everyday phrases stand in for: which phrases bring it in. */
export interface StandInPhrases {
  /** The asker's everyday phrases whose plan wording holds the word (看书 for 书香: 书香乌海). */
  askerPhrases: ReadonlyMap<string, readonly string[]>;
  /** The plan's phrases (normalised) that hold the word, once each, in term-map order. */
  policyPhrases: ReadonlyMap<string, readonly string[]>;
}

/** Worked out once per question, by phrase, rather than by searching every phrase for every word. */
export function standInPhrases(expansion: Expansion): StandInPhrases {
  const askerPhrases = new Map<string, string[]>();
  for (const pair of expansion.pairs)
    for (const token of new Set(tokenize(pair.policy.join(' ')))) {
      const phrases = askerPhrases.get(token);
      if (phrases) phrases.push(pair.phrase);
      else askerPhrases.set(token, [pair.phrase]);
    }
  const policyPhrases = new Map<string, Set<string>>();
  for (const pair of expansion.pairs)
    for (const phrase of pair.policy.map(normalizeForMatch))
      for (const token of tokenize(phrase)) {
        const phrases = policyPhrases.get(token);
        if (phrases) phrases.add(phrase);
        else policyPhrases.set(token, new Set([phrase]));
      }
  return {
    askerPhrases,
    policyPhrases: new Map([...policyPhrases].map(([token, phrases]) => [token, [...phrases]])),
  };
}
