import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { normalizeForMatch } from '../core/normalize-text.ts';
import { TRIMMED_DICTIONARY_FILE } from './dictionary/dictionary-files.ts';
import { loadPlanTerms } from './plan-terms.ts';
import { readTermListFile } from './read-data-file.ts';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba') as {
  load(options?: Record<string, string>): void;
  insertWord(word: string): boolean;
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
};

/**
 * The terms of a term-list file (a path, relative to the working directory as before): # comment and [group]
 * heading lines excluded. Kept for existing callers; new code calls readTermListFile (ingest/read-data-file.ts)
 * or loadPlanTerms.
 */
export function readTermList(file: string): string[] {
  return [...readTermListFile(path.resolve(file))];
}

let loaded = false;
let stopwords: Set<string> = new Set();
let planTerms: ReadonlySet<string> = new Set();

/**
 * A user word needs a high frequency to beat jieba's split into common words (绿色发展 → 绿色/发展); insertWord
 * cannot set one, so the plan's terms go in as a generated user dictionary with `term frequency tag` lines.
 */
const USER_TERM_FREQUENCY = 100000;

/**
 * Loads jieba's dictionaries once: the trimmed main dictionary (data/dict/jieba, `npm run build:dictionary`), plus the
 * plan's own terms so that 铸牢中华民族共同体意识 or 五区一河 stay whole. nodejieba also loads an IDF table for keyword
 * extraction, which this project never asks it for: it gets a one-line table instead of jieba's 260,000 lines.
 */
function ensureLoaded(): void {
  if (loaded) return;
  const terms = loadPlanTerms().map(normalizeForMatch);
  planTerms = new Set(terms);
  const dir = mkdtempSync(path.join(tmpdir(), 'plan-terms-'));
  try {
    const userDict = path.join(dir, 'user.dict.utf8');
    writeFileSync(userDict, terms.map((term) => `${term} ${USER_TERM_FREQUENCY} n`).join('\n'));
    const idfDict = path.join(dir, 'idf.utf8');
    writeFileSync(idfDict, 'idf 1\n');
    jieba.load({ dict: TRIMMED_DICTIONARY_FILE, userDict, idfDict });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  stopwords = new Set(readTermListFile('dict', 'stopwords.txt').map(normalizeForMatch));
  loaded = true;
}

const MEANINGFUL = /[\p{L}\p{N}]/u;

/**
 * Tokenising the same sentences, titles and term lists for every question dominated search time, so results are
 * memoised. The cache is bounded: when full it starts afresh, which keeps memory flat under any traffic.
 */
const CACHE_LIMIT = 20_000;
const segmentCache = new Map<string, string[]>();
const tokenizeCache = new Map<string, string[]>();
const boundaryCache = new Map<string, ReadonlySet<number>>();

function memoised<Value extends object>(
  cache: Map<string, Value>,
  text: string,
  compute: () => Value,
): Value {
  const hit = cache.get(text);
  if (hit) return hit;
  // Frozen: every caller shares the cached value.
  const value = Object.freeze(compute());
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, value);
  return value;
}

/** Splits text into words with the plan dictionary (jieba's precise mode); keeps stopwords and drops punctuation. */
export function segment(text: string): string[] {
  ensureLoaded();
  return memoised(segmentCache, text, () =>
    jieba.cut(normalizeForMatch(text), true).filter((token) => MEANINGFUL.test(token)),
  );
}

/**
 * The words a text holds as words: its precise segmentation, plus the parts of the plan's own phrases (土地承包 holds
 * 土地 and 承包), but not the parts of an ordinary word (书记 is not a word of 习近平总书记).
 */
export function segmentUnits(text: string): ReadonlySet<string> {
  const units = new Set<string>();
  for (const word of segment(text)) {
    units.add(word);
    if (planTerms.has(word)) for (const part of tokenize(word)) units.add(part);
  }
  return units;
}

/**
 * Where the words of the normalised text end (jieba's precise mode with the plan dictionary), as offsets into
 * normalizeForMatch(text): 黄河水质 → {0, 2, 4}. A phrase matched across one of them (河水 in 黄河|水质) is not one the
 * writer wrote.
 */
export function wordBoundaries(text: string): ReadonlySet<number> {
  ensureLoaded();
  return memoised(boundaryCache, text, () => {
    const boundaries = new Set<number>([0]);
    let offset = 0;
    for (const token of jieba.cut(normalizeForMatch(text), true)) {
      offset += token.length;
      boundaries.add(offset);
    }
    return boundaries;
  });
}

/**
 * Tokens for ranking: search mode (a long word also yields its dictionary sub-words, so 清洁供暖 matches 供暖),
 * normalised, without stopwords and punctuation.
 */
export function tokenize(text: string): string[] {
  ensureLoaded();
  return memoised(tokenizeCache, text, () =>
    jieba
      .cutForSearch(normalizeForMatch(text), true)
      .filter((token) => MEANINGFUL.test(token) && !stopwords.has(token)),
  );
}

export function isStopword(token: string): boolean {
  ensureLoaded();
  return stopwords.has(normalizeForMatch(token));
}
