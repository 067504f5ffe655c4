import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { Audience } from '../../core/wire/chat-wire.ts';
import type { AnswerContext } from '../../server/answering/answer-types.ts';
import { composeExtractive } from '../../server/answering/compose-answer.ts';
import {
  decideAnswerability,
  type Answerability,
} from '../../server/answering/decide-answerability.ts';
import type { AnswerPolicy } from '../../server/policy/answer-policy.ts';
import type { OutOfPlan } from '../../server/query/out-of-plan.ts';
import type { RetrievalHit } from '../../server/retrieval/retrieval-types.ts';
import { informativeWords } from '../../server/retrieval/subject-support.ts';
import { usableHits } from '../../server/retrieval/usable-hits.ts';
import {
  articleHit,
  evidenceQueryFor,
  planLexicon,
  realPlan,
  realPolicy,
  retrievalFor,
} from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const { fill, marker } = policy.templates;

function contextFor(
  question: string,
  hits: RetrievalHit[],
  options: {
    mode?: Audience;
    policy?: AnswerPolicy;
    decision?: Answerability;
    goalOrdinal?: number;
  } = {},
): AnswerContext {
  const used = options.policy ?? policy;
  const retrieval = retrievalFor(question, hits, used);
  const decision =
    options.decision ??
    decideAnswerability({ retrieval, usable: usableHits(retrieval, used.answerability) }, used);
  return {
    question,
    history: [],
    mode: options.mode ?? 'citizen',
    retrieval,
    decision,
    document: doc,
    evidenceQuery: evidenceQueryFor(retrieval, used),
    policy: used,
    goalOrdinal: options.goalOrdinal,
  };
}

const textOf = (article: number) => articleByNumber(doc, article)!.text;

/** The quote lines of an answer as [article, quote]; fails on a marked line that is not a verbatim quote. */
function quotes(answer: string): Array<[number, string]> {
  return answer.split('\n').flatMap((line): Array<[number, string]> => {
    const article = marker.trailingArticle(line);
    if (article === null) return [];
    const body = line.slice(0, line.length - marker.format(article).length);
    const open = body.indexOf('“');
    expect(open, `a marked line holds a quote: ${line}`).toBeGreaterThanOrEqual(0);
    expect(body.endsWith('”'), `the quote closes right before its marker: ${line}`).toBe(true);
    const quote = body.slice(open + 1, -1);
    expect(textOf(article), `verbatim in article ${article}: ${quote}`).toContain(quote);
    return [[article, quote]];
  });
}

// Articles 7 (打好污染防治攻坚战) and 9 (健全生态文明制度体系), both found by ranking and covering the question alike.
const POLLUTION_HITS = [
  articleHit(7, { score: 0.8, coverage: 0.8 }),
  articleHit(9, { score: 0.7, coverage: 0.8 }),
];
const POLLUTION = '怎么治理大气污染';
// The budget rules in isolation: every matching sentence counts as supporting, one sentence per article.
const EVERY_MATCH = {
  ...policy,
  evidence: { ...policy.evidence, supportingShare: 0 },
  budgets: {
    ...policy.budgets,
    staff: { ...policy.budgets.staff, first: 1, more: 1, total: 3 },
    citizen: { ...policy.budgets.citizen, first: 1, more: 1, total: 3 },
  },
};

describe('composeExtractive: answers', () => {
  it('a citizen answer is the lead line and verbatim quotes, each followed by its marker', () => {
    const draft = composeExtractive(contextFor(POLLUTION, POLLUTION_HITS, { policy: EVERY_MATCH }));
    expect(draft.answered).toBe(true);
    const lines = draft.answer.split('\n');
    // 怎么治理…: a how-question gets the lead line for measures.
    expect(lines[0]).toBe(fill('citizen.leads.how'));
    const quoted = quotes(draft.answer);
    expect(quoted.length).toBe(lines.length - 1);
    expect(quoted.length).toBeGreaterThan(0);
    expect(new Set(quoted.map(([article]) => article))).toEqual(new Set([7, 9]));
    // The citations are the quoted sentences themselves.
    expect(draft.citations.map((citation) => [citation.article, citation.quote])).toEqual(quoted);
    expect(draft.citations[0]).toMatchObject({ title: '打好污染防治攻坚战', part: 3 });
  });

  it('a staff answer introduces each article by number and title', () => {
    const lines = composeExtractive(
      contextFor(POLLUTION, POLLUTION_HITS, { mode: 'staff', policy: EVERY_MATCH }),
    ).answer.split('\n');
    expect(lines[0]).toBe(fill('staff.lead', { article: 7, title: '打好污染防治攻坚战' }));
    expect(lines).toContain(fill('staff.leadMore', { article: 9, title: '健全生态文明制度体系' }));
  });

  it('citizens get at most budgets.citizen.total sentences', () => {
    const draft = composeExtractive(contextFor(POLLUTION, POLLUTION_HITS));
    expect(quotes(draft.answer).length).toBeLessThanOrEqual(policy.budgets.citizen.total);
  });

  it('a total budget of 2 quotes exactly 2 sentences, both from the best article', () => {
    const tight = {
      ...policy,
      budgets: { ...policy.budgets, citizen: { ...policy.budgets.citizen, first: 3, total: 2 } },
    };
    const quoted = quotes(
      composeExtractive(contextFor(POLLUTION, POLLUTION_HITS, { policy: tight })).answer,
    );
    expect(quoted.map(([article]) => article)).toEqual([7, 7]);
  });

  it('first and more budgets split the sentences between the articles', () => {
    const split = {
      ...EVERY_MATCH,
      budgets: {
        ...policy.budgets,
        citizen: { ...policy.budgets.citizen, first: 1, more: 1, total: 4 },
      },
    };
    const quoted = quotes(
      composeExtractive(contextFor(POLLUTION, POLLUTION_HITS, { policy: split })).answer,
    );
    expect(quoted.map(([article]) => article)).toEqual([7, 9]);
  });

  it('the related links exclude the articles already cited', () => {
    const hits = [...POLLUTION_HITS, articleHit(12, { score: 0.2, coverage: 0.05 })];
    const draft = composeExtractive(contextFor(POLLUTION, hits, { policy: EVERY_MATCH }));
    expect(draft.related).toEqual([{ article: 12, title: '优化能源消费结构' }]);
  });

  it.each([
    ['乌海湖库区要做什么治理？', 8, '乌海湖库区'],
    ['城市更新行动包括什么？', 23, '实施城市更新行动'],
    ['职业院校要怎么发展？', 26, '职业院校'],
    ['智慧就业服务平台要覆盖到哪里？', 25, '智慧就业服务平台'],
  ])(
    '%s leads with the sentence that answers it, not the article’s first match',
    (question, article, phrase) => {
      for (const mode of ['staff', 'citizen'] as const) {
        const draft = composeExtractive(contextFor(question, [articleHit(article)], { mode }));
        expect(draft.citations[0]?.quote).toContain(phrase);
      }
    },
  );

  it('a further article is quoted only when it answers nearly as well as the best one', () => {
    const strict = { ...policy, evidence: { ...policy.evidence, supportingShare: 1 } };
    const draft = composeExtractive(contextFor(POLLUTION, POLLUTION_HITS, { policy: strict }));
    expect(new Set(draft.citations.map((citation) => citation.article)).size).toBe(1);
    const loose = composeExtractive(contextFor(POLLUTION, POLLUTION_HITS, { policy: EVERY_MATCH }));
    expect(new Set(loose.citations.map((citation) => citation.article))).toEqual(new Set([7, 9]));
  });

  it('picks one main goal in full when a follow-up asks for the second goal', () => {
    const draft = composeExtractive(
      contextFor('第二个呢', [articleHit(3, { score: 1, coverage: 0, via: 'structure' })], {
        mode: 'staff',
        goalOrdinal: 2,
      }),
    );
    const lines = draft.answer.split('\n');
    expect(lines[0]).toBe(fill('staff.goalLead', { ordinal: '二' }));
    const goal = doc.mainGoals[1]!;
    expect(
      quotes(draft.answer).every(([article, quote]) => article === 3 && goal.text.includes(quote)),
    ).toBe(true);
    expect(lines[1]).toContain(goal.label);
  });

  const GOALS_HIT = [articleHit(3, { score: 1, coverage: 1 })];
  const goalOf = (label: string) => doc.mainGoals.find((goal) => goal.label.includes(label))!;

  it('answers a goals question that names a subject with that goal and its sentences on it, not every headline', () => {
    const draft = composeExtractive(
      contextFor('生态环境方面的主要目标是什么？', GOALS_HIT, { mode: 'staff' }),
    );
    const lines = draft.answer.split('\n');
    expect(lines[0]).toBe(fill('staff.goalTopicLead'));
    const goal = goalOf('生态环境质量明显改善');
    expect(lines[1]).toContain(goal.label);
    const quoted = quotes(draft.answer);
    expect(quoted.length).toBeGreaterThan(1);
    expect(quoted.every(([article, quote]) => article === 3 && goal.text.includes(quote))).toBe(
      true,
    );
  });

  it('lists every goal headline when the words of a goals question only frame it (今后五年, 乌海, 规划)', () => {
    for (const [question, mode] of [
      ['乌海十五五期间的主要目标有哪些？', 'staff'],
      ['规划提出了哪些发展目标？', 'staff'],
      ['组织青年干部学习第（3）条八个主要目标，怎么讲清楚？', 'trainer'],
    ] as const) {
      const draft = composeExtractive(contextFor(question, GOALS_HIT, { mode }));
      expect(draft.answer.split('\n')[0]).toBe(fill('staff.goalsLead'));
      expect(quotes(draft.answer)).toHaveLength(
        Math.min(doc.mainGoals.length, policy.budgets[mode].listItems),
      );
    }
  });
});

describe('composeExtractive: the plan’s closest word for an everyday phrase leads', () => {
  // The term map lists 取暖/暖气 → 清洁供暖 before 四类管网 (heating pipes are one of the four networks): article 23
  // holds both, and the sentence on 清洁供暖 is the answer to a resident asking about heating.
  const HEATING = [articleHit(23, { score: 0.9, coverage: 0.3, matchesExpansion: true })];

  it('冬天暖气能不能更暖和 leads with 清洁供暖, not the 四类管网 sentence', () => {
    const [first] = quotes(composeExtractive(contextFor('冬天暖气能不能更暖和？', HEATING)).answer);
    expect(first![1]).toContain('清洁供暖');
  });

  it('with every listed word alike (policyTermDecay 1) the shorter 四类管网 sentence led', () => {
    const alike = { ...policy, retrieval: { ...policy.retrieval, policyTermDecay: 1 } };
    const [first] = quotes(
      composeExtractive(contextFor('冬天暖气能不能更暖和？', HEATING, { policy: alike })).answer,
    );
    expect(first![1]).toContain('四类管网');
  });
});

describe('composeExtractive: the plain-wording note', () => {
  // 取暖 is a resident's word; article 23 says 清洁供暖.
  const HEATING = [articleHit(23, { score: 0.8, coverage: 0.1, matchesExpansion: true })];

  it('tells a citizen the plan does not use their word, in place of the lead line', () => {
    const lines = composeExtractive(contextFor('冬天取暖怎么办', HEATING)).answer.split('\n');
    expect(lines[0]).toBe(fill('citizen.notInDocument', { phrases: '取暖' }));
    expect(lines).not.toContain(fill('citizen.leads.how'));
    expect(quotes(lines.join('\n'))[0]![0]).toBe(23);
  });

  it('tells staff before the article’s lead line', () => {
    const lines = composeExtractive(
      contextFor('冬天取暖怎么办', HEATING, { mode: 'staff' }),
    ).answer.split('\n');
    expect(lines[0]).toBe(fill('staff.notInDocument', { phrases: '取暖' }));
    expect(lines[1]).toBe(fill('staff.lead', { article: 23, title: '提升城市功能品质' }));
  });

  it('says nothing when the word is in the document, even outside the cited articles', () => {
    // 农村 is not in article 23, but the plan uses it elsewhere (新型农村社区): a note would be false.
    const context = contextFor('农村冬天取暖怎么办', HEATING);
    expect(textOf(23)).not.toContain('农村');
    expect(context.retrieval.expandedFrom).toContain('农村');
    const first = composeExtractive(context).answer.split('\n')[0]!;
    expect(first).not.toContain('“农村');
    expect(first).not.toContain('、农村');
  });

  it('says nothing of an English word, which the Chinese plan could not have used', () => {
    const context = contextFor('Is Wuhai trying to become a civilized city?', [
      articleHit(29, { score: 0.8, coverage: 0.3, matchesExpansion: true }),
    ]);
    expect(context.retrieval.expandedFrom.some((phrase) => /civili[sz]ed/.test(phrase))).toBe(true);
    expect(composeExtractive(context).answer).not.toContain('civili');
  });

  it('says nothing when the cited article uses the asker’s own word', () => {
    // 黄河 is listed as an everyday word, and article 7 uses it.
    const context = contextFor('黄河怎么治理', [articleHit(7, { score: 0.8, coverage: 0.8 })]);
    expect(context.retrieval.expandedFrom).toContain('黄河');
    expect(composeExtractive(context).answer.split('\n')[0]).toBe(fill('citizen.leads.how'));
  });

  // Everyday words once matched as substrings across word boundaries, so 黄河水质 (黄河|水质) was read as 河水, and the
  // answer told the resident the plan lacks “河水”, a word they never wrote (while the 黄河 they did write is in article 7).
  it('never claims the asker used a word they did not write (黄河水质 is not 河水)', () => {
    const answer = composeExtractive(
      contextFor('黄河水质怎么样', [articleHit(7, { score: 0.8, coverage: 0.8 })]),
    ).answer;
    expect(answer).not.toContain('“河水”');
  });
});

describe('composeExtractive: what a refusal offers nearby', () => {
  /** An out-of-plan refusal whose usable hits answer nearby, with the question's words as the service reads them. */
  function nearby(question: string, reason: OutOfPlan, article: number): AnswerContext {
    const hits = [articleHit(article, { score: 0.8, coverage: 0.5 })];
    const context = contextFor(question, hits, {
      decision: { kind: 'out-of-plan', reason, related: hits, answersNearby: true },
    });
    return {
      ...context,
      questionWords: informativeWords(context.retrieval.queryTerms, planLexicon()),
    };
  }

  it('quotes no sentence that shares only a generic word with the question (市委 for 现任市委书记是谁)', () => {
    const draft = composeExtractive(
      nearby('现任市委书记是谁', { kind: 'contact-recommendation', cue: '谁' }, 1),
    );
    expect(draft.answered).toBe(false);
    expect(quotes(draft.answer)).toEqual([]);
    expect(draft.answer).not.toContain(fill('refusal.relatedLead'));
    expect(draft.related.map((item) => item.article)).toEqual([1]);
  });

  it('quotes what the plan says on the subject when the sentence shares a specific word', () => {
    const draft = composeExtractive(
      nearby('农村土地承包经营权证丢了，去哪补办', { kind: 'errand', cue: '补办' }, 24),
    );
    expect(draft.answer).toContain(fill('refusal.relatedLead'));
    expect(quotes(draft.answer).map(([article]) => article)).toEqual([24]);
  });
});

describe('composeExtractive: refusals', () => {
  it('not covered: the generic refusal, no citations, the related articles as links', () => {
    const hits = [articleHit(20, { coverage: 0.05 })];
    const draft = composeExtractive(contextFor('乌海有几个机场', hits));
    expect(draft).toEqual({
      answer: fill('refusal.notCoveredGeneric'),
      answered: false,
      citations: [],
      related: [{ article: 20, title: '做好资源要素保障' }],
    });
  });

  it('a missing article: says which articles exist', () => {
    const draft = composeExtractive(contextFor('第40条讲了什么', []));
    expect(draft.answer).toBe(fill('refusal.missingArticle', { last: 36, article: 40 }));
    expect(draft.answer).toContain('36');
    expect(draft.answered).toBe(false);
  });

  it('a missing part: says how many parts there are', () => {
    expect(composeExtractive(contextFor('第十二部分讲了什么', [])).answer).toBe(
      fill('refusal.missingPart', { count: 10, part: 12 }),
    );
  });

  it('no figure: says so, then quotes what the closest article does say', () => {
    const hit = articleHit(7, { score: 0.8, coverage: 0.8 });
    const draft = composeExtractive(
      contextFor('大气污染治理投资多少钱', [hit], {
        decision: { kind: 'no-figure', related: [hit] },
      }),
    );
    const lines = draft.answer.split('\n');
    expect(lines[0]).toBe(fill('refusal.noFigure'));
    expect(lines[1]).toBe(fill('refusal.relatedLead'));
    expect(quotes(draft.answer).map(([article]) => article)).toEqual([7]);
    expect(lines).toHaveLength(3);
    expect(draft.answered).toBe(false);
    expect(draft.citations.map((citation) => citation.article)).toEqual([7]);
  });
});

describe('composeExtractive: questions built on a claim about the plan', () => {
  const hits = [articleHit(23, { score: 0.9, coverage: 0.8 })];

  it('a denial its quotes do not repeat is said not to be the plan’s, before what the plan says', () => {
    const answer = composeExtractive(
      contextFor('为什么建议不再搞清洁供暖了？', hits, { mode: 'staff' }),
    ).answer;
    expect(answer.split('\n')[0]).toBe(fill('premise.mismatch', { claim: '不再' }));
    expect(
      quotes(answer).some(([article, quote]) => article === 23 && quote.includes('清洁供暖')),
    ).toBe(true);
  });

  it('hearsay is answered with the text to check it against; for a citizen that line is the lead', () => {
    const answer = composeExtractive(contextFor('听说老旧小区改造要停下来？', hits)).answer;
    expect(answer.split('\n')[0]).toBe(fill('premise.check'));
    expect(quotes(answer).length).toBeGreaterThan(0);
  });

  it('a denial the quotes repeat (令行禁止) is not called false, only to be checked', () => {
    const answer = composeExtractive(
      contextFor(
        '是不是禁止令行了？令行禁止怎么讲',
        [articleHit(33, { score: 0.9, coverage: 0.8 })],
        {
          mode: 'staff',
        },
      ),
    ).answer;
    expect(quotes(answer).some(([, quote]) => quote.includes('禁止'))).toBe(true);
    expect(answer.split('\n')[0]).toBe(fill('premise.check'));
  });

  it('an A-not-A question (还搞不搞, 建不建了) asks whether and claims nothing: no premise line', () => {
    for (const question of ['清洁供暖的事还搞不搞？', '老旧小区还改不改了', '以后还管不管了']) {
      const answer = composeExtractive(contextFor(question, hits, { mode: 'staff' })).answer;
      expect(answer).not.toContain(fill('premise.mismatch', { claim: '' }).split('“')[0]);
    }
  });

  it('a plain question carries no premise line', () => {
    const answer = composeExtractive(
      contextFor('老旧小区改造怎么推进？', hits, { mode: 'staff' }),
    ).answer;
    expect(answer).not.toContain(fill('premise.check'));
    expect(answer).not.toContain(fill('premise.mismatch', { claim: '' }).split('“')[0]);
  });
});
