import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { verifyCitations, type VerifyRules } from '../../server/answering/verify-citations.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const rules: VerifyRules = {
  marker: policy.templates.marker,
  idf: () => 1,
  weights: policy.evidence,
};
const verify = (answer: string, retrieved: number[]) =>
  verifyCitations(answer, doc, retrieved, rules);
const textOf = (article: number) => articleByNumber(doc, article)!.text;

// Article 7 writes half-width commas: 坚决完成中央生态环保督察反馈问题整改,深化集中整治,做实长效治理。
const SEVEN = '坚决完成中央生态环保督察反馈问题整改,深化集中整治,做实长效治理。';

describe('verifyCitations', () => {
  it('keeps a verbatim quote and cites exactly that sentence', () => {
    const answer = `要“${SEVEN}”〔第7条〕`;
    const verified = verify(answer, [7]);
    expect(verified.answer).toBe(answer);
    expect(verified.citations).toEqual([
      {
        article: 7,
        title: '打好污染防治攻坚战',
        part: 3,
        partTitle: doc.parts[2]!.title,
        quote: SEVEN,
      },
    ]);
    expect(verified.unverifiedQuotes).toEqual([]);
    expect(verified.removedMarkers).toEqual([]);
  });

  it('removes markers of articles that were not retrieved', () => {
    const verified = verify(`“${SEVEN}”〔第7条〕〔第30条〕`, [7]);
    expect(verified.answer).toBe(`“${SEVEN}”〔第7条〕`);
    expect(verified.removedMarkers).toEqual([30]);
    expect(verified.citations.map((citation) => citation.article)).toEqual([7]);
  });

  it('unquotes a fabricated quote but keeps its marker', () => {
    const verified = verify('“乌海将在月球建设生态基地。”〔第7条〕', [7]);
    expect(verified.unverifiedQuotes).toEqual(['乌海将在月球建设生态基地。']);
    expect(verified.answer).toBe('乌海将在月球建设生态基地。〔第7条〕');
    expect(verified.answer).not.toContain('“');
    // The citation that remains is a real sentence of the article, never the invented one.
    for (const citation of verified.citations)
      expect(textOf(citation.article)).toContain(citation.quote);
  });

  it('a quote of the right sentence cited to the wrong article is not verified', () => {
    const verified = verify(`“${SEVEN}”〔第8条〕`, [7, 8]);
    expect(verified.unverifiedQuotes).toEqual([SEVEN]);
    expect(verified.citations.every((citation) => citation.quote !== SEVEN)).toBe(true);
  });

  it('maps a quote written with full-width punctuation to the document’s verbatim text', () => {
    const verified = verify(`“${SEVEN.replace(/,/g, '，')}”〔第7条〕`, [7]);
    expect(verified.unverifiedQuotes).toEqual([]);
    expect(verified.citations.map((citation) => citation.quote)).toEqual([SEVEN]);
  });

  it.each([
    ['〔第十二条〕', '〔第12条〕'],
    ['[第12条]', '〔第12条〕'],
    ['【第12条】', '〔第12条〕'],
  ])('normalises %s to %s', (written, canonical) => {
    const verified = verify(`优化能源消费结构${written}`, [12]);
    expect(verified.answer).toBe(`优化能源消费结构${canonical}`);
    expect(verified.citations.map((citation) => citation.article)).toEqual([12]);
  });

  it('splits a list marker into one marker per retrieved article', () => {
    expect(verify('两条都讲了〔第12条、第30条〕', [12, 30]).answer).toBe(
      '两条都讲了〔第12条〕〔第30条〕',
    );
    const partial = verify('两条都讲了〔第12条、第30条〕', [12]);
    expect(partial.answer).toBe('两条都讲了〔第12条〕');
    expect(partial.removedMarkers).toEqual([30]);
  });

  it('a marker without a quote is cited with the article sentence closest to the words before it', () => {
    const verified = verify('乌海会推进都思兔河、苏海图沟等黄河支流整治〔第7条〕', [7]);
    expect(verified.citations).toHaveLength(1);
    expect(verified.citations[0]!.quote).toContain('都思兔河');
    expect(textOf(7)).toContain(verified.citations[0]!.quote);
  });
});
