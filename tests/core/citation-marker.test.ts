import { describe, expect, it } from 'vitest';
import { createCitationMarker, DEFAULT_MARKER_TEMPLATE } from '../../core/citation-marker.ts';

describe('the default marker 〔第{article}条〕', () => {
  const marker = createCitationMarker();

  it('formats and finds canonical markers with their positions', () => {
    expect(marker.template).toBe(DEFAULT_MARKER_TEMPLATE);
    expect(marker.format(12)).toBe('〔第12条〕');
    const text = '要打好污染防治攻坚战〔第7条〕，也要扩绿〔第8条〕。';
    const found = marker.find(text);
    expect(found.map((item) => item.articles)).toEqual([[7], [8]]);
    expect(found.map((item) => text.slice(item.index, item.index + item.raw.length))).toEqual([
      '〔第7条〕',
      '〔第8条〕',
    ]);
  });

  it('find ignores markers written loosely; findLoose reads them', () => {
    const text = '见[第12条]和【第十三条】';
    expect(marker.find(text)).toEqual([]);
    expect(marker.findLoose(text).map((item) => item.articles)).toEqual([[12], [13]]);
  });

  it.each([
    ['〔第十二条〕', [12]],
    ['[第12条]', [12]],
    ['【第12条】', [12]],
    ['〔 第 12 条 〕', [12]],
    ['〔第１２条〕', [12]],
    ['〔第12条、第13条〕', [12, 13]],
    ['〔第12、13条〕', [12, 13]],
    ['〔第12条，第三十条〕', [12, 30]],
    ['〔第12条和第12条〕', [12]],
  ])('findLoose reads %s as articles %j', (raw, articles) => {
    expect(marker.findLoose(`原文${raw}。`)).toEqual([{ index: 2, raw, articles }]);
  });

  it('does not mistake bracketed numbers in prose for citations', () => {
    expect(marker.findLoose('分三步〔12〕推进，【一】加强治理')).toEqual([]);
  });

  it('normalize rewrites loose markers into canonical ones and leaves the rest of the text alone', () => {
    expect(marker.normalize('甲〔第12条、第13条〕乙[第三十条]丙')).toBe(
      '甲〔第12条〕〔第13条〕乙〔第30条〕丙',
    );
    expect(marker.normalize('没有引用的句子。')).toBe('没有引用的句子。');
  });

  it('citedArticles lists each article once, in order of first citation', () => {
    expect(marker.citedArticles('a〔第3条〕b〔第1条〕c〔第3条〕')).toEqual([3, 1]);
    expect(marker.citedArticles('《建议》中没有涉及这个问题。')).toEqual([]);
  });

  it('trailingArticle only reads a marker at the very end of a line', () => {
    expect(marker.trailingArticle('“基本消除重污染天气。”〔第7条〕')).toBe(7);
    expect(marker.trailingArticle('〔第7条〕之后还有话')).toBeNull();
    expect(marker.trailingArticle('“基本消除重污染天气。”')).toBeNull();
  });

  it('source matches exactly one canonical marker and has no capturing groups', () => {
    const pattern = new RegExp(`^(?:${marker.source})$`);
    expect(pattern.test('〔第36条〕')).toBe(true);
    expect(pattern.test('〔第十二条〕')).toBe(false);
    expect(pattern.test('[第12条]')).toBe(false);
    expect(new RegExp(`(${marker.source})`).exec('x〔第5条〕')).toHaveLength(2);
  });
});

describe('a custom marker template', () => {
  it('[{article}]: brackets are literal, not a character class', () => {
    const marker = createCitationMarker('[{article}]');
    expect(marker.format(12)).toBe('[12]');
    expect(marker.find('见[12]与[3]，不是1或2').map((item) => item.articles)).toEqual([[12], [3]]);
    expect(marker.find('见1与2')).toEqual([]);
    expect(marker.citedArticles('a[12]b[12]')).toEqual([12]);
    expect(marker.trailingArticle('“原文。”[7]')).toBe(7);
    expect(marker.normalize('“原文。”〔十二〕')).toBe('“原文。”[12]');
    expect(marker.normalize('见[12、13]')).toBe('见[12][13]');
  });

  it('（见第{article}条）: answers, parsing and normalising all follow the template', () => {
    const marker = createCitationMarker('（见第{article}条）');
    expect(marker.format(7)).toBe('（见第7条）');
    expect(marker.citedArticles('“原文。”（见第7条）又（见第30条）')).toEqual([7, 30]);
    expect(marker.find('“原文。”〔第7条〕')).toEqual([]);
    expect(marker.findLoose('（见第十二条）').map((item) => item.articles)).toEqual([[12]]);
    expect(marker.normalize('“原文。”（见第十二条）')).toBe('“原文。”（见第12条）');
    expect(marker.trailingArticle('“原文。”（见第7条）')).toBe(7);
    expect(new RegExp(`^(?:${marker.source})$`).test('（见第12条）')).toBe(true);
  });

  it.each([
    '第条',
    '〔第{article}条〕{article}',
    '{article}条〕',
    '〔第{article}',
    '{article}',
    '〔第{articles}条〕',
  ])('rejects the template %s', (template) => {
    expect(() => createCitationMarker(template)).toThrow(/citation marker template/);
  });
});
