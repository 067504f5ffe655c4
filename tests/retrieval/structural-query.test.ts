import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { parseStructuralReference } from '../../server/query/structural-reference.ts';
import { readSource } from '../helpers/plan-index.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';

const { framing } = loadAnswerPolicy();

describe('parseStructuralReference on the Wuhai proposal', () => {
  let doc: PlanDocument;

  beforeAll(async () => {
    doc = parsePlan(await readSource(), 'wuhai');
  });

  it('reads 第九部分三条 as the part’s three articles, not as its third article', () => {
    expect(parseStructuralReference('第九部分三条各讲什么？', doc, framing)).toMatchObject({
      articles: [],
      parts: [9],
    });
    expect(parseStructuralReference('民生部分五条分别是什么', doc, framing).articles).toEqual([]);
  });

  it.each([
    '第12条',
    '第（12）条',
    '第(12)条',
    '第十二条',
    '第 12 条',
    '第１２条',
    '第12条讲什么？',
    '（12）讲了什么',
  ])('%s names article 12', (question) => {
    const reference = parseStructuralReference(question, doc, framing);
    expect(reference.articles).toEqual([12]);
    expect(reference.parts).toEqual([]);
  });

  it.each([
    ['第12、13条', [12, 13]],
    ['第12条和第13条', [12, 13]],
    ['第12至14条', [12, 13, 14]],
    ['第三十六条', [36]],
  ])('%s names articles %j', (question, articles) => {
    expect(parseStructuralReference(question, doc, framing).articles).toEqual(articles);
  });

  it.each([
    '第八部分',
    '第8部分',
    '第八部分讲了什么',
    '民生福祉那部分',
    '民生那部分讲了哪些',
    '增进民生福祉这部分',
  ])('%s names part 8', (question) => {
    const reference = parseStructuralReference(question, doc, framing);
    expect(reference.parts).toEqual([8]);
    expect(reference.articles).toEqual([]);
  });

  it('reads 主要目标 as article 3', () => {
    expect(parseStructuralReference('主要目标', doc, framing).articles).toEqual([3]);
    expect(parseStructuralReference('2035年远景目标是什么', doc, framing).articles).toEqual([3]);
  });

  it('reads 第九部分的第一条 as article 30, not as the whole of part 9', () => {
    expect(parseStructuralReference('第九部分的第一条', doc, framing)).toMatchObject({
      articles: [30],
      parts: [],
    });
    expect(parseStructuralReference('第八部分第三条', doc, framing)).toMatchObject({
      articles: [27],
      parts: [],
    });
  });

  it.each([
    ['最后一条讲的是什么？', [36]],
    ['建议的最后一条说了什么', [36]],
    ['末条是什么', [36]],
    ['倒数第二条讲什么', [35]],
    ['倒数第三条', [34]],
    ['第十部分最后一条', [36]],
    ['第八部分的最后一条', [29]],
  ])(
    'counts %s from the end of the document (or of the part named before it)',
    (question, articles) => {
      expect(parseStructuralReference(question, doc, framing).articles).toEqual(articles);
    },
  );

  it('leaves 最后一公里, 最后一条路 and 倒数第零条 alone', () => {
    for (const question of ['打通便民利民最后一公里', '最后一条路什么时候修', '倒数第零条'])
      expect(parseStructuralReference(question, doc, framing).articles).toEqual([]);
  });

  it('keeps numbers the document does not have, so callers can say so', () => {
    expect(parseStructuralReference('第40条', doc, framing).articles).toEqual([40]);
    expect(parseStructuralReference('第十一部分', doc, framing).parts).toEqual([11]);
  });

  it('finds nothing structural in an everyday question', () => {
    expect(parseStructuralReference('看病难怎么办', doc, framing)).toMatchObject({
      articles: [],
      parts: [],
    });
    expect(parseStructuralReference('塑料袋', doc, framing)).toMatchObject({
      articles: [],
      parts: [],
    });
  });

  it('removes the structural phrase from the remainder that is ranked', () => {
    const reference = parseStructuralReference('第八部分关于养老的内容', doc, framing);
    expect(reference.parts).toEqual([8]);
    expect(reference.remainder).not.toContain('第八部分');
    expect(reference.remainder).toContain('养老');
  });
});
