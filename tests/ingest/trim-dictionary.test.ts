import { describe, expect, it } from 'vitest';
import {
  BALANCE_WORD,
  formatDictionary,
  parseDictionary,
  trimDictionary,
  wordsOccurringIn,
} from '../../ingest/dictionary/trim-dictionary.ts';

const full = parseDictionary(
  [
    '乌海 500 ns',
    '黄河 800 ns',
    '水质 300 n',
    '河水 200 n',
    '沙漠 100 n',
    '水 900 n',
    '绿洲 2 n',
  ].join('\n'),
);
const total = (entries: ReturnType<typeof parseDictionary>) =>
  entries.reduce((sum, entry) => sum + entry.frequency, 0);

describe('a trimmed jieba dictionary', () => {
  it('finds every dictionary word inside the texts, across word boundaries too', () => {
    expect([...wordsOccurringIn(full, ['黄河水质'])].sort()).toEqual(
      ['水', '水质', '河水', '黄河'].sort(),
    );
  });

  it('keeps the words the texts use, one-character words, the most frequent and the rarest', () => {
    const trimmed = trimDictionary(full, { texts: ['乌海'], commonWords: 1 });
    expect(trimmed.map((entry) => entry.word)).toEqual(['乌海', '水', '绿洲', BALANCE_WORD]);
  });

  it('keeps the total frequency, so that every kept word weighs what it did', () => {
    const trimmed = trimDictionary(full, { texts: ['乌海'], commonWords: 0 });
    expect(total(trimmed)).toBe(total(full));
    expect(trimmed.find((entry) => entry.word === '乌海')).toEqual(full[0]);
  });

  it('adds nothing when every word is kept', () => {
    expect(trimDictionary(full, { texts: [], commonWords: 100 })).toEqual(full);
  });

  it('reads and writes the word frequency tag format, and rejects other lines', () => {
    expect(parseDictionary(formatDictionary(full))).toEqual(full);
    expect(() => parseDictionary('乌海 many ns')).toThrow(/line 1/);
  });
});
