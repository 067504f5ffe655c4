import { normalizeForMatch } from '../../core/normalize-text.ts';
import { segment, wordBoundaries } from '../../ingest/tokenizer.ts';
import type { TermMapEntry } from '../policy/answer-policy.ts';

export interface Expansion {
  /** Colloquial phrases found in the question: listed words, or what a pattern matched (开个奶茶店). */
  matched: string[];
  /** The plan's wording for them, to be searched alongside the question. */
  policyTerms: string[];
  topics: string[];
  /** Each matched phrase with the policy terms it stands for (as written, and normalised for matching). */
  pairs: Array<{ phrase: string; policy: string[]; policyForMatch: string[] }>;
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
  const listedWords = listedWordsIn(text, units.latin, termMap, (candidate) =>
    candidate.length > 1 ? occursAsUnit(units, candidate) : words.has(candidate),
  );
  termMap.forEach((entry, entryIndex) => {
    const phrase = listedWords.get(entryIndex) ?? firstMatch(entry.patterns, text);
    if (!phrase) return;
    matched.add(phrase);
    topics.add(entry.topic);
    pairs.push({ phrase, policy: entry.policy, policyForMatch: entry.policyForMatch });
    for (const term of entry.policy) policyTerms.add(term);
  });
  return { matched: [...matched], policyTerms: [...policyTerms], topics: [...topics], pairs };
}

/** What the first of the patterns that matches (with a non-empty match) matched, if any. */
function firstMatch(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const found = pattern.exec(text)?.[0];
    if (found) return found;
  }
  return undefined;
}

interface ListedWord {
  entryIndex: number;
  /** Position in its entry's list (longest first): the first one found is the one an entry reports. */
  rank: number;
  word: string;
}

const wordIndexes = new WeakMap<readonly TermMapEntry[], Map<string, ListedWord[]>>();

/**
 * The listed words of a term map by where they can start, built once per map: a Chinese word by its first character;
 * a Latin phrase by its first two letters (LATIN_KEY), since it is read from the start of a word of the question and
 * an English question holds nearly every letter but few of the 676 pairs.
 */
function wordsByFirstCharacter(termMap: readonly TermMapEntry[]): Map<string, ListedWord[]> {
  let index = wordIndexes.get(termMap);
  if (index) return index;
  index = new Map();
  for (const [entryIndex, entry] of termMap.entries())
    for (const [rank, word] of entry.colloquial.entries()) {
      const [first] = word;
      if (first === undefined) continue;
      const key = LATIN.test(first) ? latinKey(word) : first;
      index.set(key, [...(index.get(key) ?? []), { entryIndex, rank, word }]);
    }
  wordIndexes.set(termMap, index);
  return index;
}

/**
 * A Latin phrase's index key, as latinKeysIn reads the question: its first two letters across separators (e-commerce →
 * ec), or fewer when another character follows (r&d → r, co2 → co).
 */
function latinKey(text: string): string {
  return `${LATIN_KEY}${leadingLetters(text)}`;
}

function leadingLetters(text: string): string {
  return text
    .replace(/[\s\-_'’.]/g, '')
    .replace(/[^a-z].*$/, '')
    .slice(0, 2);
}

const LATIN_KEY = '\u0000';

/**
 * The keys of the Latin phrases a question may hold: at each start of a Latin word, its first two letters, read
 * across the separators a phrase may be written with (e-commerce, e commerce), and its first letter alone.
 */
function latinKeysIn(latin: string): Set<string> {
  const keys = new Set<string>();
  for (const { index } of latin.matchAll(/(?<![a-z])[a-z]/g)) {
    const letters = leadingLetters(latin.slice(index, index + 12));
    keys.add(`${LATIN_KEY}${letters}`);
    keys.add(`${LATIN_KEY}${letters[0]}`);
  }
  return keys;
}

/**
 * For each entry of the map, its first listed word (in list order) that the question holds: only words starting with
 * one of the question's characters can be in it, so only those are read (a few dozen of the map's ~1,400).
 */
function listedWordsIn(
  text: string,
  latin: string,
  termMap: readonly TermMapEntry[],
  holds: (word: string) => boolean,
): Map<number, string> {
  const index = wordsByFirstCharacter(termMap);
  const best = new Map<number, ListedWord>();
  const keys = [...new Set(text)].filter((character) => !LATIN.test(character));
  if (LATIN.test(text)) keys.push(...latinKeysIn(latin));
  for (const key of keys)
    for (const candidate of index.get(key) ?? []) {
      const known = best.get(candidate.entryIndex);
      if (known && known.rank < candidate.rank) continue;
      if (holds(candidate.word)) best.set(candidate.entryIndex, candidate);
    }
  return new Map([...best].map(([entryIndex, { word }]) => [entryIndex, word]));
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
    // Inside one word it starts or ends it (暖气 in 暖气费, 学费 in 交学费): not its middle (部队 in 干部队伍).
    if (!crosses && (boundaries.has(start) || boundaries.has(end))) return true;
    if (boundaries.has(start) && boundaries.has(end)) return true;
  }
  return false;
}

/** Whether a phrase is one of the map's listed words, as opposed to the text a pattern matched. */
export function isListedColloquialWord(phrase: string, termMap: readonly TermMapEntry[]): boolean {
  return termMap.some((entry) => entry.colloquial.includes(phrase));
}
