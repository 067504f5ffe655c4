import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FULL_DICTIONARY_FILE,
  TRIMMED_DICTIONARY_FILE,
} from '../../ingest/dictionary/dictionary-files.ts';
import { textsToSegment } from '../../ingest/dictionary/dictionary-texts.ts';
import { parseDictionary, wordsOccurringIn } from '../../ingest/dictionary/trim-dictionary.ts';
import { DATA_DIR, DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';

describe('the shipped trimmed dictionary (npm run build:dictionary)', () => {
  const full = parseDictionary(readFileSync(FULL_DICTIONARY_FILE, 'utf8'));
  const trimmed = parseDictionary(readFileSync(TRIMMED_DICTIONARY_FILE, 'utf8'));
  const frequencies = new Map(trimmed.map((entry) => [entry.word, entry.frequency]));

  it('holds every word of the full dictionary that the document and the data files use, as frequent', () => {
    const texts = textsToSegment(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), DATA_DIR, [
      DEFAULT_SOURCE_FILE,
      path.dirname(TRIMMED_DICTIONARY_FILE),
    ]);
    const used = wordsOccurringIn(full, texts);
    const fullFrequency = new Map(full.map((entry) => [entry.word, entry.frequency]));
    const missing = [...used].filter((word) => frequencies.get(word) !== fullFrequency.get(word));
    // Non-empty: the document or a data file changed; rebuild with npm run build:dictionary.
    expect(missing).toEqual([]);
  });

  it('has the full dictionary’s total frequency and lowest frequency, so words weigh the same', () => {
    const sum = (entries: typeof full) =>
      entries.reduce((total, entry) => total + entry.frequency, 0);
    const lowest = (entries: typeof full) =>
      entries.reduce((low, entry) => Math.min(low, entry.frequency), Infinity);
    expect(sum(trimmed)).toBe(sum(full));
    expect(lowest(trimmed)).toBe(lowest(full));
  });

  it('is much smaller than the full dictionary', () => {
    expect(trimmed.length).toBeLessThan(full.length * 0.6);
  });
});
