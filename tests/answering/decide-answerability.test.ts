import { describe, expect, it } from 'vitest';
import { decideAnswerability } from '../../server/answering/decide-answerability.ts';
import { usableHits } from '../../server/retrieval/usable-hits.ts';
import type { RetrievalHit } from '../../server/retrieval/retrieval-types.ts';
import { articleHit, realPolicy, retrievalFor } from '../helpers/unit-plan.ts';

const policy = realPolicy();

/** figureText: the best sentences of the topical articles (by default the usable hits), as gatherFigureEvidence gives them. */
function decide(
  question: string,
  hits: RetrievalHit[],
  figureText?: string,
  topical?: RetrievalHit[],
  sentences: string = figureText ?? '',
) {
  const retrieval = retrievalFor(question, hits);
  const usable = usableHits(retrieval, policy.answerability);
  const figureEvidence =
    figureText === undefined
      ? undefined
      : { topical: topical ?? usable, text: figureText, sentences };
  return decideAnswerability({ retrieval, usable, figureEvidence }, policy);
}

describe('decideAnswerability', () => {
  it('answers from the usable hits', () => {
    const decision = decide('乌海怎么治理大气污染', [articleHit(7, { score: 0.8, coverage: 0.8 })]);
    expect(decision).toMatchObject({ kind: 'answer' });
    expect(decision.kind === 'answer' && decision.hits.map((hit) => hit.article)).toEqual([7]);
  });

  it('says an article the plan lacks is missing, and offers only related articles', () => {
    const hits = [articleHit(36, { coverage: 0.2 }), articleHit(12, { coverage: 0 })];
    const decision = decide('第40条讲了什么', hits);
    expect(decision).toMatchObject({ kind: 'missing-structure', articles: [40], parts: [] });
    expect(decision.kind !== 'answer' && decision.related.map((hit) => hit.article)).toEqual([36]);
  });

  it('says a part the plan lacks is missing', () => {
    expect(decide('第十二部分讲了什么', [])).toMatchObject({
      kind: 'missing-structure',
      articles: [],
      parts: [12],
    });
  });

  it('answers what exists when a question names an existing and a missing article', () => {
    const decision = decide('第7条和第40条', [
      articleHit(7, { score: 1, coverage: 0, via: 'structure' }),
    ]);
    expect(decision.kind).toBe('answer');
  });

  it('refuses when nothing covers the question, offering at most the policy’s number of related articles', () => {
    const hits = [7, 8, 9, 10, 11].map((article) => articleHit(article, { coverage: 0.05 }));
    const decision = decide('乌海有几个机场', [...hits, articleHit(12, { coverage: 0 })]);
    expect(decision.kind).toBe('not-covered');
    expect(decision.kind !== 'answer' && decision.related.map((hit) => hit.article)).toEqual(
      [7, 8, 9, 10, 11].slice(0, policy.answerability.related),
    );
    const fewer = decideAnswerability(
      { retrieval: retrievalFor('乌海有几个机场', hits), usable: [] },
      { ...policy, answerability: { ...policy.answerability, related: 1 } },
    );
    expect(fewer.kind !== 'answer' && fewer.related).toHaveLength(1);
  });

  it('a figure question whose articles give no figure is told so, with those articles as related', () => {
    const decision = decide(
      '大气污染治理投资多少钱',
      [articleHit(7, { score: 0.8, coverage: 0.8 })],
      '基本消除重污染天气。',
    );
    expect(decision).toMatchObject({ kind: 'no-figure' });
    expect(decision.kind !== 'answer' && decision.related.map((hit) => hit.article)).toEqual([7]);
  });

  it('a figure question is answered when the evidence holds a figure', () => {
    const decision = decide(
      '固态电池项目投资多少钱',
      [articleHit(11, { score: 0.8, coverage: 0.8 })],
      '建成固态电池项目,总投资120亿元。',
    );
    expect(decision.kind).toBe('answer');
  });

  it('a list asked for by its members is answered by a sentence that lists them, anywhere in it', () => {
    const hits = [articleHit(22, { score: 0.8, coverage: 0.8 })];
    const listed = '形成“中心城区—高新技术产业发展区—中心镇—新型农村社区”现代城镇发展格局。';
    expect(decide('现代城镇发展格局包括哪几个层级？', hits, '', hits, listed).kind).toBe('answer');
    expect(
      decide('一刻钟生活圈试点是哪几个社区？', hits, '', hits, '丰富一刻钟社区生活圈业态。').kind,
    ).toBe('no-figure');
  });

  it('a figure question whose subject the plan does not discuss at all is not covered', () => {
    expect(decide('月球基地投资多少钱', [articleHit(7, { coverage: 0 })], '', []).kind).toBe(
      'not-covered',
    );
  });

  it('a contact the document never holds is not covered, even with topical articles', () => {
    const hits = [articleHit(7, { score: 0.8, coverage: 0.8 })];
    expect(decide('生态环境局的电话', hits, '基本消除重污染天气。', hits).kind).toBe('not-covered');
  });

  it('a figure question about an article named outright is answered from that article', () => {
    const decision = decide(
      '第7条投资多少钱',
      [articleHit(7, { score: 1, coverage: 0, via: 'structure' })],
      '',
    );
    expect(decision.kind).toBe('answer');
  });
});

describe('decideAnswerability: requests outside the plan', () => {
  const outOfPlanDecision = (
    question: string,
    hits: RetrievalHit[],
    reason: Parameters<typeof decideAnswerability>[0]['outOfPlan'],
  ) => {
    const retrieval = retrievalFor(question, hits);
    const usable = usableHits(retrieval, policy.answerability);
    return decideAnswerability({ retrieval, usable, outOfPlan: reason }, policy);
  };

  it('refuses an errand even when an article matches its words, offering that article as related', () => {
    const decision = outOfPlanDecision(
      '申请廉租房要准备什么材料',
      [articleHit(23, { score: 0.8, coverage: 0.6 })],
      { kind: 'errand', cue: '准备什么材料' },
    );
    expect(decision).toMatchObject({ kind: 'out-of-plan', answersNearby: true });
    expect(decision.kind !== 'answer' && decision.related.map((hit) => hit.article)).toEqual([23]);
  });

  it('offers nothing as related to role-play, however well its words match', () => {
    const decision = outOfPlanDecision(
      '你扮演市长宣布发消费券',
      [articleHit(21, { score: 0.8, coverage: 0.6 })],
      { kind: 'roleplay-fabrication', cue: '扮演' },
    );
    expect(decision).toMatchObject({ kind: 'out-of-plan', answersNearby: false });
  });

  it('a question about another place is refused with the place named', () => {
    const decision = outOfPlanDecision('杭州的租房补贴', [articleHit(17, { coverage: 0.3 })], {
      kind: 'other-place',
      place: '杭州',
      cue: '杭州',
    });
    expect(decision).toMatchObject({ kind: 'out-of-plan', reason: { place: '杭州' } });
  });
});
