import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataFile } from '../../ingest/project-paths.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { segment } from '../../ingest/tokenizer.ts';

const MapFile = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      topic: z.string(),
      colloquial: z.array(z.string()).min(1),
      /** Regular expressions for phrasings a word list cannot enumerate (开个奶茶店, 开家小饭馆). */
      patterns: z.array(z.string()).optional(),
      policy: z.array(z.string()).min(1),
    }),
  ),
});

export interface Expansion {
  /** Colloquial phrases found in the question: listed words, or what a pattern matched (开个奶茶店). */
  matched: string[];
  /** The plan's wording for them, to be searched alongside the question. */
  policyTerms: string[];
  topics: string[];
  /** Each matched phrase with the policy terms it stands for. */
  pairs: Array<{ phrase: string; policy: string[] }>;
}

interface Entry {
  topic: string;
  colloquial: string[];
  patterns: RegExp[];
  policy: string[];
}

let entries: Entry[] | undefined;

/** Curated term maps kept as data: residents' words (看病, 找工作, 取暖) and English words, to the plan's own wording. */
const MAP_FILES = ['colloquial-map.json', 'english-terms.json'];

export function loadColloquialMap(): Entry[] {
  entries ??= MAP_FILES.flatMap((file) =>
    MapFile.parse(JSON.parse(readFileSync(dataFile('dict', file), 'utf8'))).entries.map((entry) => ({
      ...entry,
      colloquial: entry.colloquial.map(normalizeForMatch).sort((left, right) => right.length - left.length),
      patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern)),
    })),
  );
  return entries;
}

/** Finds everyday phrases in a question and returns the policy terms they stand for. */
export function expandColloquial(question: string): Expansion {
  const text = normalizeForMatch(question);
  // A one-character word (网, 玩) only counts as a whole word, not inside 网络 or 玩具.
  const words = new Set(segment(question));
  const matched = new Set<string>();
  const policyTerms = new Set<string>();
  const topics = new Set<string>();
  const pairs: Expansion['pairs'] = [];
  for (const entry of loadColloquialMap()) {
    const word = entry.colloquial.find((candidate) => (candidate.length > 1 ? text.includes(candidate) : words.has(candidate)));
    const phrase = word ?? entry.patterns.map((pattern) => pattern.exec(text)?.[0]).find((found): found is string => Boolean(found));
    if (!phrase) continue;
    matched.add(phrase);
    topics.add(entry.topic);
    pairs.push({ phrase, policy: entry.policy });
    for (const term of entry.policy) policyTerms.add(term);
  }
  return { matched: [...matched], policyTerms: [...policyTerms], topics: [...topics], pairs };
}

/** Whether a phrase is one of the map's listed words, as opposed to the text a pattern matched. */
export function isListedColloquialWord(phrase: string): boolean {
  return loadColloquialMap().some((entry) => entry.colloquial.includes(phrase));
}
