import { normalizeForMatch } from '../../core/normalize-text.ts';
import { segment, wordBoundaries } from '../../ingest/tokenizer.ts';
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
  // A one-character word (网, 玩) only counts as a whole word, not inside 网络 or 玩具; a longer one as a unit the
  // writer wrote, not across two of their words (河水 in 黄河|水质, ai in wuhai).
  const words = new Set(segment(question));
  const units = unitText(question);
  const matched = new Set<string>();
  const policyTerms = new Set<string>();
  const topics = new Set<string>();
  const pairs: Expansion['pairs'] = [];
  for (const entry of termMap) {
    const word = entry.colloquial.find((candidate) =>
      candidate.length > 1 ? occursAsUnit(units, candidate) : words.has(candidate),
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

const LATIN = /[a-z]/;

/** A question as the unit test reads it: normalised for matching, its word ends, and its Latin text with spaces. */
export interface UnitText {
  normalized: string;
  boundaries: ReadonlySet<number>;
  /** NFKC, lower case, spaces kept: where Latin words start and end. */
  latin: string;
}

export function unitText(question: string): UnitText {
  return {
    normalized: normalizeForMatch(question),
    boundaries: wordBoundaries(question),
    latin: question.normalize('NFKC').toLowerCase(),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The phrases are the term lists' and place lists', so their patterns are compiled once each, not per question. */
const latinPatterns = new Map<string, RegExp>();
const LATIN_PATTERN_LIMIT = 10_000;

/** A Latin phrase as written with spaces, hyphens or dots between its letters, starting a word (short: ending one). */
function latinPattern(phrase: string): RegExp {
  let pattern = latinPatterns.get(phrase);
  if (!pattern) {
    const letters = [...phrase].map(escapeRegExp).join("[\\s\\-_'’.]*");
    const after = phrase.length <= 3 ? '(?![a-z])' : '';
    pattern = new RegExp(`(?<![a-z])${letters}${after}`);
    if (latinPatterns.size >= LATIN_PATTERN_LIMIT) latinPatterns.clear();
    latinPatterns.set(phrase, pattern);
  }
  return pattern;
}

/**
 * Whether a phrase occurs in the question as something its writer wrote: inside one word (暖气 in 暖气费), or starting
 * and ending on word boundaries (看病 in 看病|贵), never straddling two words (河水 in 黄河|水质). A Latin phrase (its
 * spaces and hyphens removed by normalisation) must start a word, and a short one (up to three letters) must also end
 * one: ai is not in Wuhai. Pure.
 */
export function occursAsUnit(text: UnitText, phrase: string): boolean {
  if (LATIN.test(phrase[0] ?? '')) return latinPattern(phrase).test(text.latin);
  const { normalized, boundaries } = text;
  for (
    let start = normalized.indexOf(phrase);
    start >= 0;
    start = normalized.indexOf(phrase, start + 1)
  ) {
    const end = start + phrase.length;
    let crosses = false;
    for (let offset = start + 1; offset < end; offset += 1)
      if (boundaries.has(offset)) crosses = true;
    if (!crosses || (boundaries.has(start) && boundaries.has(end))) return true;
  }
  return false;
}

/** Whether a phrase is one of the map's listed words, as opposed to the text a pattern matched. */
export function isListedColloquialWord(phrase: string, termMap: readonly TermMapEntry[]): boolean {
  return termMap.some((entry) => entry.colloquial.includes(phrase));
}
