import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizeLoose } from '../../core/normalize-text.ts';

describe('text normalised for matching', () => {
  it('unifies Chinese punctuation variants, widths and case, and drops whitespace', () => {
    expect(normalizeForMatch('“十五五”规划，（第12条）《建议》：Ａｂ　c\n')).toBe(
      '"十五五"规划,(第12条)<建议>:abc',
    );
    expect(normalizeForMatch('「黄河」‘几’字弯——乌海·海勃湾【一】〔二〕、三。')).toBe(
      '"黄河"\'几\'字弯--乌海.海勃湾(一)(二),三.',
    );
  });

  it('gives the same result when asked again (a question is normalised by several stages)', () => {
    const question = '乌海冬天，供暖有什么打算？';
    expect(normalizeForMatch(question)).toBe(normalizeForMatch(question));
    expect(normalizeForMatch(question)).toBe('乌海冬天,供暖有什么打算?');
  });

  it('drops punctuation altogether when matching loosely', () => {
    expect(normalizeLoose('“十五五”规划，（第12条）')).toBe('十五五规划第12条');
  });
});
