import { describe, expect, it } from 'vitest';
import { lineCount, SpanList, WordTable } from '../../ingest/word-table.ts';

/** A table of the words of `text` (one `word value` per line), as the dictionary loaders build theirs. */
function tableOf(text: string): WordTable {
  const spans = new SpanList(lineCount(text));
  let start = 0;
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    spans.add(start, start + space, Number(line.slice(space + 1)));
    start += line.length + 1;
  }
  return WordTable.fromSpans(text, spans.spans());
}

describe('a compact word table', () => {
  const table = tableOf(['乌海 1.5', '黄河 2', '黄河水 3', '𠀀 4', '乌海 7'].join('\n'));

  it('finds each word with its value, and a word given twice with its last value', () => {
    expect(table.get('黄河')).toBe(2);
    expect(table.get('黄河水')).toBe(3);
    expect(table.get('𠀀')).toBe(4);
    expect(table.get('乌海')).toBe(7);
    expect(table.size).toBe(4);
  });

  it('misses words it does not hold, prefixes and extensions included', () => {
    expect(table.get('黄')).toBeUndefined();
    expect(table.get('黄河水质')).toBeUndefined();
    expect(table.has('')).toBe(false);
    expect(table.has('沙漠')).toBe(false);
  });

  it('looks a word up as a span of another text, without cutting it out', () => {
    const text = '保护黄河水质';
    expect(table.getSpan(text, 2, 4)).toBe(2);
    expect(table.getSpan(text, 2, 5)).toBe(3);
    expect(table.getSpan(text, 3, 5)).toBeUndefined();
  });

  it('holds many words', () => {
    const words = Array.from({ length: 5000 }, (_, index) => `词${index}`);
    const big = tableOf(words.map((word, index) => `${word} ${index}`).join('\n'));
    expect(big.size).toBe(5000);
    expect(words.every((word, index) => big.get(word) === index)).toBe(true);
    expect(big.get('词5000')).toBeUndefined();
  });
});
