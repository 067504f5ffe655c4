import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { toSearchResponse } from '../../server/retrieval/search-response.ts';
import { buildPlanIndex, readSource, type BuiltIndex } from '../helpers/plan-index.ts';

/**
 * Everyday questions and the articles that answer them, read off the document:
 * 看病 — (27) 让乌海老百姓在家门口放心地看病就医, (28) 跨省异地就医直接结算;
 * 找工作 — (25) 促进高质量充分就业;
 * 取暖 — (23) 推动城区基本实现清洁供暖全覆盖;
 * 退伍 — (25) 退役军人…重点群体就业保障, (28) 加强退役军人服务保障;
 * 塑料袋 — (16) 在快递物流、餐饮外卖…推广使用可降解新材料,推进无塑城市建设;
 * 开个奶茶店 — (18) 支持中小企业和个体工商户发展.
 */
const CASES: Array<{ question: string; expected: number[]; within: number; evidence: string[] }> = [
  { question: '看病', expected: [27, 28], within: 3, evidence: ['看病就医', '异地就医'] },
  { question: '找工作', expected: [25], within: 1, evidence: ['促进高质量充分就业'] },
  { question: '取暖', expected: [23], within: 3, evidence: ['清洁供暖'] },
  { question: '退伍', expected: [25, 28], within: 5, evidence: ['退役军人'] },
  { question: '塑料袋', expected: [16], within: 3, evidence: ['无塑城市'] },
  // A pattern in the term map, not a listed word: 开个…店 → (18) 支持中小企业和个体工商户发展.
  { question: '我想开个奶茶店，有什么扶持？', expected: [18], within: 1, evidence: ['个体工商户'] },
  // English words for the same subjects: seniors — (28) 优化基本养老服务供给,构建老年友好型社会; class size — (26)
  // 有序推进小班化教学试点改革.
  {
    question: 'Is there more care for seniors?',
    expected: [28],
    within: 1,
    evidence: ['老年友好型社会'],
  },
  // A short English word reads its plural too: buses — (23) 加强公交换乘枢纽、场站等.
  {
    question: 'Will there be better buses?',
    expected: [23],
    within: 3,
    evidence: ['公交换乘枢纽'],
  },
  { question: '孩子班里人太挤，会减班额吗', expected: [26], within: 1, evidence: ['小班化教学'] },
];

describe('HybridRetriever: everyday words', () => {
  let built: BuiltIndex;
  let retriever: HybridRetriever;

  beforeAll(async () => {
    built = await buildPlanIndex();
    retriever = new HybridRetriever(built.index, built.embedder);
  });

  afterAll(async () => {
    await built?.cleanup();
  });

  it('the expected articles really hold the words that answer each question', async () => {
    const source = await readSource();
    for (const { expected, evidence } of CASES) {
      const texts = expected
        .map((number) => built.index.document.articles[number - 1]!.text)
        .join('\n');
      for (const phrase of evidence) {
        expect(source).toContain(phrase);
        expect(texts).toContain(phrase);
      }
    }
  });

  it.each(CASES)(
    '$question → one of $expected within the top $within',
    async ({ question, expected, within }) => {
      const result = await retriever.search(question, { k: 5 });
      const top = result.hits.slice(0, within).map((hit) => hit.article);
      expect(top.some((article) => article !== null && expected.includes(article))).toBe(true);
      expect(result.expandedFrom.length).toBeGreaterThan(0);
    },
  );

  it('a long everyday question still finds its article', async () => {
    const result = await retriever.search(
      '我家老人身体不好，经常要去医院，想知道以后在乌海看病会不会方便一些？',
    );
    expect(result.hits.slice(0, 3).map((hit) => hit.article)).toContain(27);
  });

  it('quotes a snippet from the hit', async () => {
    const result = await retriever.search('取暖');
    const hit = toSearchResponse(result, result.hits.length).results.find(
      (candidate) => candidate.article === 23,
    )!;
    expect(hit.snippet.length).toBeGreaterThan(0);
    const articleText = built.index.document.articles[22]!.text;
    expect(articleText).toContain(hit.snippet.replace(/…$/, ''));
  });
});
