import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HybridRetriever } from '../../server/retrieval/hybrid-retriever.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';

describe('HybridRetriever: questions that name the structure', () => {
  let built: BuiltIndex;
  let retriever: HybridRetriever;

  beforeAll(async () => {
    built = await buildPlanIndex();
    retriever = new HybridRetriever(built.index, built.embedder);
  });

  afterAll(async () => {
    await built?.cleanup();
  });

  it.each(['第12条', '第（12）条', '第(12)条', '第十二条'])(
    '%s returns article 12 first, with its text',
    async (question) => {
      const result = await retriever.search(question);
      const first = result.hits[0];
      expect(first).toMatchObject({
        article: 12,
        title: '优化能源消费结构',
        part: 4,
        via: 'structure',
      });
      expect(result.named.articles).toEqual([12]);
      expect(first?.chunks.length).toBeGreaterThan(0);
      for (const chunk of first?.chunks ?? []) expect(chunk.articleNumber).toBe(12);
      expect(first?.chunks.map((chunk) => chunk.text).join('')).toContain('绿电直连');
    },
  );

  it('第12条 with a topic still puts article 12 first', async () => {
    const result = await retriever.search('第12条里关于绿电直连怎么说');
    expect(result.hits[0]?.article).toBe(12);
  });

  it.each(['第八部分', '民生福祉那部分'])(
    '%s returns exactly articles 25..29',
    async (question) => {
      const result = await retriever.search(question);
      expect(result.named.parts).toEqual([8]);
      expect(
        result.hits.map((hit) => hit.article).sort((left, right) => (left ?? 0) - (right ?? 0)),
      ).toEqual([25, 26, 27, 28, 29]);
      for (const hit of result.hits) expect(hit.part).toBe(8);
    },
  );

  it('第八部分 lists the part in document order', async () => {
    const result = await retriever.search('第八部分讲了什么');
    expect(result.hits.map((hit) => hit.article)).toEqual([25, 26, 27, 28, 29]);
    expect(result.hits.map((hit) => hit.title)).toEqual([
      '促进高质量充分就业',
      '办好人民满意教育',
      '建设健康乌海',
      '构筑多层次社会保障体系',
      '增强城市文化软实力',
    ]);
  });

  it('a topic inside a named part is ranked within that part only', async () => {
    const result = await retriever.search('第八部分关于养老的内容', { k: 3 });
    expect(result.hits.length).toBeGreaterThan(0);
    for (const hit of result.hits) expect([25, 26, 27, 28, 29]).toContain(hit.article);
    expect(result.hits[0]?.article).toBe(28);
  });

  it('主要目标 returns article 3 first', async () => {
    const result = await retriever.search('主要目标');
    expect(result.hits[0]).toMatchObject({ article: 3, via: 'structure' });
    const text = result.hits[0]!.chunks.map((chunk) => chunk.text).join('');
    expect(text).toContain('生态环境质量明显改善');
  });

  it('第九部分的第一条 returns article 30', async () => {
    const result = await retriever.search('第九部分的第一条');
    expect(result.hits[0]).toMatchObject({
      article: 30,
      title: '维护国家政治安全',
      via: 'structure',
    });
    expect(result.named.articles).toEqual([30]);
  });

  it('第40条 is reported missing and not invented', async () => {
    const result = await retriever.search('第40条');
    expect(result.named.missingArticles).toEqual([40]);
    expect(result.named.articles).toEqual([]);
    for (const hit of result.hits) {
      expect(hit.via).toBe('ranking');
      expect(hit.article).not.toBe(40);
      if (hit.article !== null) expect(hit.article).toBeLessThanOrEqual(36);
    }
  });

  it('a missing article next to a real one keeps the real one and reports the other', async () => {
    const result = await retriever.search('第12条和第40条');
    expect(result.named.articles).toEqual([12]);
    expect(result.named.missingArticles).toEqual([40]);
    expect(result.hits[0]?.article).toBe(12);
    expect(result.hits.some((hit) => hit.article === 40)).toBe(false);
  });

  it('第十一部分 is reported missing', async () => {
    const result = await retriever.search('第十一部分讲什么');
    expect(result.named.missingParts).toEqual([11]);
    expect(result.named.parts).toEqual([]);
  });
});
