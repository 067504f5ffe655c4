import { describe, expect, it } from 'vitest';
import type { AnswerPolicy } from '../../server/policy/answer-policy.ts';
import type { RetrievalHit } from '../../server/retrieval/retrieval-types.ts';
import { usableHits } from '../../server/retrieval/usable-hits.ts';
import { articleHit, realPolicy } from '../helpers/unit-plan.ts';

const policy = realPolicy();
const rules = policy.answerability;
const terms = (...tokens: string[]) => tokens.map((token) => ({ token, weight: 1 }));
// Words in none of the hand-built hits' titles, so that the subject-in-title rule stays out of the way.
const usable = (
  hits: RetrievalHit[],
  options?: Parameters<typeof usableHits>[2],
  answerability: AnswerPolicy['answerability'] = rules,
  queryTerms = terms('蓝天', '碧水'),
) => usableHits({ hits, queryTerms }, answerability, options).map((hit) => hit.article);

describe('usableHits', () => {
  it('an article named outright wins over any ranked match', () => {
    const hits = [
      articleHit(7, { score: 0.9, coverage: 1 }),
      articleHit(12, { score: 1, coverage: 0, via: 'structure' }),
    ];
    expect(usable(hits)).toEqual([12]);
  });

  it('nothing is usable when no ranked article covers enough of the question (the refusal signal)', () => {
    const below = rules.minCoverage - 0.01;
    expect(
      usable([
        articleHit(7, { score: 0.9, coverage: below }),
        articleHit(8, { score: 0.8, coverage: 0 }),
      ]),
    ).toEqual([]);
  });

  it('the coverage threshold comes from the policy, and a caller may lower it', () => {
    const hits = [articleHit(7, { coverage: 0.3 })];
    expect(usable(hits)).toEqual([7]);
    expect(usable(hits, {}, { ...rules, minCoverage: 0.35 })).toEqual([]);
    expect(usable(hits, { minCoverage: 0.2 }, { ...rules, minCoverage: 0.35 })).toEqual([7]);
  });

  it('an article holding the plan’s wording for an everyday word qualifies on low coverage', () => {
    expect(usable([articleHit(23, { coverage: 0, matchesExpansion: true })])).toEqual([23]);
  });

  it('sections outside the numbered articles are never answered from', () => {
    expect(
      usable([
        articleHit(7, { article: null, title: '序言', section: 'preamble', coverage: 1, score: 1 }),
      ]),
    ).toEqual([]);
  });

  it('orders by score and adds further articles that match nearly as well', () => {
    const hits = [
      articleHit(8, { score: 0.5, coverage: 0.6 }),
      articleHit(7, { score: 0.8, coverage: 0.8 }),
      articleHit(9, { score: 0.8 * rules.secondaryScoreShare - 0.05, coverage: 0.8 }), // ranks too low
      articleHit(12, { score: 0.7, coverage: 0.8 * rules.secondaryCoverageShare - 0.05 }), // covers too little
    ];
    expect(usable(hits)).toEqual([7, 8]);
  });

  it('a breadth question accepts further articles that cover less', () => {
    const coverage = 0.8 * ((rules.secondaryCoverageShare + rules.breadthCoverageShare) / 2);
    const hits = [
      articleHit(7, { score: 0.8, coverage: 0.8 }),
      articleHit(25, { score: 0.7, coverage }),
    ];
    expect(usable(hits)).toEqual([7]);
    expect(usable(hits, { breadth: true })).toEqual([7, 25]);
  });

  it('on a tie, the detailed article goes before the overview part’s summary, which does not join', () => {
    const overview = articleHit(3, { score: 0.5, coverage: 0.8 });
    const detailed = articleHit(7, { score: 0.5 - rules.tie / 2, coverage: 0.8 });
    expect(overview.part).toBe(rules.overviewPart);
    expect(usable([overview, detailed])).toEqual([7]);
    expect(usable([overview, detailed], { overviewAware: false })).toEqual([3, 7]);
  });

  it('the overview part still answers when it is clearly the best match', () => {
    const hits = [
      articleHit(3, { score: 0.8, coverage: 0.8 }),
      articleHit(7, { score: 0.6, coverage: 0.8 }),
    ];
    expect(usable(hits)[0]).toBe(3);
  });

  it('for 还有吗 the overview part comes after any other article that qualifies, even a weaker one', () => {
    const hits = [
      articleHit(3, { score: 0.8, coverage: 0.8 }),
      articleHit(7, { score: 0.6, coverage: 0.8 }),
    ];
    expect(usable(hits, { overviewAfterAll: true })).toEqual([7]);
    expect(usable([hits[0]!], { overviewAfterAll: true })).toEqual([3]);
  });

  it('when the best article only answers through an everyday word’s expansion, so must the others', () => {
    const hits = [
      articleHit(23, { score: 0.8, coverage: 0.5, matchesExpansion: true }),
      articleHit(24, { score: 0.7, coverage: 0.5 }),
    ];
    expect(usable(hits)).toEqual([23]);
  });

  it('when the best article’s title names the subject, others join only if they cover as much or name it too', () => {
    // 教育方面呢 → 办好人民满意教育 (26); 促进高质量充分就业 (25) covers less and does not name 教育.
    const hits = [
      articleHit(26, { score: 0.8, coverage: 0.8 }),
      articleHit(25, { score: 0.7, coverage: 0.7 }),
      articleHit(17, { score: 0.7, coverage: 0.8 }),
    ];
    expect(usable(hits, {}, rules, terms('教育'))).toEqual([26, 17]);
    expect(usable(hits, {}, rules, terms('蓝天'))).toEqual([26, 25, 17]);
  });

  it('never answers from more articles than the policy allows', () => {
    const hits = [7, 8, 9, 10, 11, 12].map((article, index) =>
      articleHit(article, { score: 0.9 - index * 0.01, coverage: 0.8 }),
    );
    expect(usable(hits)).toHaveLength(rules.maxArticles);
    expect(usable(hits, {}, { ...rules, maxArticles: 2 })).toEqual([7, 8]);
  });
});
