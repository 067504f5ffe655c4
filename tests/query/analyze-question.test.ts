import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { analyzeQuestion, analyzeText } from '../../server/query/analyze-question.ts';
import type { RetrievalAttempt } from '../../server/query/question-analysis.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();

const user = (content: string): ChatTurn => ({ role: 'user', content });
const assistant = (content: string): ChatTurn => ({ role: 'assistant', content });
const AFTER_SEVEN: ChatTurn[] = [
  user('乌海怎么治理大气污染'),
  assistant('简单说，《建议》里这样写：\n“基本消除重污染天气。”〔第7条〕'),
];

/** A compact view of an attempt: its kind, text and scope. */
function shape(attempt: RetrievalAttempt) {
  return attempt.kind === 'articles'
    ? { kind: attempt.kind, text: attempt.text.text, articles: attempt.articles }
    : {
        kind: attempt.kind,
        text: attempt.text.text,
        restrict: attempt.restrictToArticles,
        exclude: attempt.excludeArticles,
      };
}

const unscoped = (attempt: RetrievalAttempt) =>
  attempt.kind === 'search' && !attempt.restrictToArticles;

describe('analyzeQuestion: the retrieval attempts, in order', () => {
  it('a standalone question is searched once, across the plan', () => {
    const analysis = analyzeQuestion({ message: '乌海怎么治理大气污染', history: [] }, doc, policy);
    expect(analysis.attempts.map(shape)).toEqual([
      { kind: 'search', text: '乌海怎么治理大气污染', restrict: undefined, exclude: undefined },
    ]);
  });

  it('这一条还讲了什么 after 〔第7条〕 never searches the whole plan', () => {
    const analysis = analyzeQuestion(
      { message: '这一条还讲了什么', history: AFTER_SEVEN },
      doc,
      policy,
    );
    expect(analysis.attempts.map(shape)).toEqual([
      { kind: 'search', text: '这一条还讲了什么', restrict: [7], exclude: undefined },
      {
        kind: 'search',
        text: '乌海怎么治理大气污染 这一条还讲了什么',
        restrict: [7],
        exclude: undefined,
      },
      { kind: 'articles', text: '这一条还讲了什么', articles: [7] },
    ]);
    expect(analysis.attempts.some(unscoped)).toBe(false);
  });

  it('具体呢 after 〔第7条〕 also stays with article 7', () => {
    const analysis = analyzeQuestion({ message: '具体呢', history: AFTER_SEVEN }, doc, policy);
    expect(analysis.attempts.some(unscoped)).toBe(false);
    expect(analysis.attempts.at(-1)).toMatchObject({ kind: 'articles', articles: [7] });
  });

  it('那养老呢 has a subject of its own: it is searched across the plan, then with the previous question', () => {
    const analysis = analyzeQuestion({ message: '那养老呢', history: AFTER_SEVEN }, doc, policy);
    expect(analysis.attempts.map(shape)).toEqual([
      { kind: 'search', text: '那养老呢', restrict: undefined, exclude: undefined },
      {
        kind: 'search',
        text: '乌海怎么治理大气污染 那养老呢',
        restrict: undefined,
        exclude: undefined,
      },
    ]);
  });

  it('a pointer back with its own subject (具体养老怎么保障) tries article 7 first, then the whole plan', () => {
    const analysis = analyzeQuestion(
      { message: '具体养老怎么保障', history: AFTER_SEVEN },
      doc,
      policy,
    );
    expect(analysis.attempts[0]).toMatchObject({ kind: 'search', restrictToArticles: [7] });
    expect(analysis.attempts.slice(1).some(unscoped)).toBe(true);
    expect(analysis.attempts.some((attempt) => attempt.kind === 'articles')).toBe(false);
  });

  it('第二条呢 after a part goes straight to that article', () => {
    const history = [user('第八部分讲了什么'), assistant('“…”〔第25条〕')];
    const analysis = analyzeQuestion({ message: '第二条呢', history }, doc, policy);
    expect(analysis.attempts.map(shape)).toEqual([
      { kind: 'articles', text: '第二条呢', articles: [26] },
    ]);
  });

  it('还有吗 searches the previous question more widely, leaving out what was cited, then the cited articles', () => {
    const analysis = analyzeQuestion({ message: '还有吗', history: AFTER_SEVEN }, doc, policy);
    expect(analysis.attempts).toHaveLength(2);
    expect(analysis.attempts[0]).toMatchObject({
      kind: 'search',
      searchK: policy.retrieval.moreK,
      excludeArticles: [7],
    });
    expect(analysis.attempts[0]!.text.text).toBe('乌海怎么治理大气污染');
    // Only when no other article answers: article 7 again, for what it has not said yet.
    expect(analysis.attempts[1]).toMatchObject({ kind: 'search', restrictToArticles: [7] });
  });

  it('a model’s standalone rewrite replaces the message and the previous question', () => {
    const analysis = analyzeQuestion(
      { message: '那养老呢', history: AFTER_SEVEN, condensed: '乌海怎么发展养老服务' },
      doc,
      policy,
    );
    expect(analysis.attempts.map(shape)).toEqual([
      { kind: 'search', text: '乌海怎么发展养老服务', restrict: undefined, exclude: undefined },
    ]);
    expect(analysis.message).toBe('那养老呢');
  });
});

describe('analyzeText', () => {
  it('separates articles the plan has from those it lacks', () => {
    const analyzed = analyzeText('第7条和第40条讲了什么', doc, policy);
    expect(analyzed.named.articles).toEqual([7]);
    expect(analyzed.named.missingArticles).toEqual([40]);
  });

  it('separates parts the plan has from those it lacks', () => {
    const analyzed = analyzeText('第八部分和第十二部分', doc, policy);
    expect(analyzed.named.parts).toEqual([8]);
    expect(analyzed.named.missingParts).toEqual([12]);
  });

  it('a question about a part without a topic has no topic words; one with a topic keeps it', () => {
    expect(analyzeText('第八部分讲了什么内容', doc, policy).topicTokens).not.toContain('讲');
    expect(analyzeText('第八部分讲了什么内容', doc, policy).topicTokens).not.toContain('内容');
    expect(analyzeText('第八部分关于养老讲了什么', doc, policy).topicTokens).toContain('养老');
  });

  it('framing words frame only a question naming an article or part: elsewhere they are its subject', () => {
    const own = (text: string) =>
      analyzeText(text, doc, policy)
        .queryTerms.filter((term) => term.weight === 1)
        .map((term) => term.token);
    expect(own('要落实民族地区干部的什么要求？')).toContain('干部');
    expect(own('给干部讲第十七条，列几个要点')).not.toContain('干部');
    // Whom a session is for is framing too: 社区 and 党员 choose no sentence of 第二十八条.
    expect(own('给社区党员讲第二十八条社会保障，列个提纲')).not.toContain('社区');
    expect(own('社区养老服务以后会更方便吗')).toContain('社区');
  });

  it('an everyday word brings in the plan’s wording at less than full weight', () => {
    const analyzed = analyzeText('冬天取暖怎么办', doc, policy);
    expect(analyzed.expansion.matched).toContain('取暖');
    const expansionTerm = analyzed.queryTerms.find(
      (term) => term.token === '清洁供暖' || term.token === '供暖',
    );
    expect(expansionTerm).toBeDefined();
    expect(expansionTerm!.weight).toBeLessThan(1);
  });

  it('tells goals questions from 2035 vision questions', () => {
    expect(analyzeText('今后五年的主要目标是什么', doc, policy).asksForGoals).toBe(true);
    expect(analyzeText('2035年远景目标是什么', doc, policy).asksForGoals).toBe(false);
  });

  it('recognises a question asking for a figure, a date or a contact', () => {
    expect(
      analyzeText('污染治理投资多少钱', doc, policy).figureKinds.map((figure) => figure.kind),
    ).toEqual(['money']);
    expect(
      analyzeText('环保局的电话', doc, policy).figureKinds.map((figure) => figure.kind),
    ).toEqual(['contact']);
    expect(analyzeText('乌海怎么治理污染', doc, policy).figureKinds).toEqual([]);
    // English is read whatever its case; a dimension (多长, 多远) is a quantity.
    const kinds = (text: string) =>
      analyzeText(text, doc, policy).figureKinds.map((figure) => figure.kind);
    expect(kinds('How many new jobs does the plan aim to create each year?')).toEqual(['count']);
    // 几 after asking for more (多开几条, 再建几个) is 'a few', not 'how many'.
    expect(kinds('航班太少了，能多开几条吗？')).toEqual([]);
    expect(kinds('以后能不能再建几个公园')).toEqual([]);
    expect(kinds('要新开几条公交线路？')).toContain('count');
    expect(kinds('What share of electricity should come from green power?')).toEqual(['share']);
    expect(kinds('What is the target forest coverage rate for 2030?')).toContain('share');
    // 'budget' in the name of a system asks no figure; the budget of something does.
    expect(kinds("What does 'carbon emission budget management' mean?")).toEqual([]);
    expect(kinds("What's the budget for the wetland projects?")).toContain('money');
    expect(kinds('Which rate of growth does the plan set?')).toContain('share');
    expect(kinds('绿氢管道有多长')).toEqual(['quantity']);
    // 好几年 is an amount the asker states, 诈骗电话 a kind of call: neither asks for a figure.
    expect(analyzeText('工资好几年没涨了，最低工资会往上调吗', doc, policy).figureKinds).toEqual(
      [],
    );
    expect(analyzeText('最近老接到诈骗电话，市里管不管', doc, policy).figureKinds).toEqual([]);
  });

  it('asks how many with 几家 / 几个, but not with 好几个 or 十几个 (an amount the asker states)', () => {
    const kinds = (question: string) =>
      analyzeText(question, doc, policy).figureKinds.map((figure) => figure.kind);
    expect(kinds('乌海有几家专精特新企业')).toEqual(['count']);
    expect(kinds('要建几个产业园')).toEqual(['count']);
    expect(kinds('办事跑好几个部门，营商环境会改善吗')).toEqual([]);
    expect(kinds('村里十几个老人没人管，养老服务会跟上吗')).toEqual([]);
  });

  it('asks for the measure it names: money, a share or a count, not any number', () => {
    const kinds = (question: string) =>
      analyzeText(question, doc, policy).figureKinds.map((figure) => figure.kind);
    expect(kinds('固态电池产业集群的产值目标是多少亿')).toEqual(['money']);
    expect(kinds('战略性新兴产业产值占比的目标值是多少')).toEqual(['share']);
    expect(kinds('绿电消费比例要提高到多少')).toEqual(['share']);
    expect(kinds('一刻钟生活圈要建多少个')).toEqual(['count']);
    expect(kinds('乌海湖清淤要投入多少')).toEqual(['quantity']);
    // 会不会哪天 is 'some day', not a question about a date.
    expect(kinds('政府欠债多，会不会哪天工资都发不出来')).toEqual([]);
    expect(kinds('碳达峰是哪一年')).toEqual(['date']);
    // 第几条 asks which article, not how many.
    expect(kinds('取暖补贴写在第几条')).toEqual([]);
    // 那几所 and 前几年 state an amount; they do not ask for one.
    expect(kinds('好学校就那几所，能不能让好学校带一带')).toEqual([]);
    // A sum complained of, then a question about what will be done: the question asks for no figure.
    expect(kinds('上学都要花多少钱啊，太贵了，能不能降点')).toEqual([]);
    expect(kinds('中考体育满分多少分，跳绳怎么练能快点')).toEqual(['quantity']);
    // A ratio named without asking for its value is no figure question.
    expect(kinds('怎么提高绿电消费比例')).toEqual([]);
  });

  it('marks questions across the plan as breadth questions', () => {
    expect(analyzeText('生态保护有哪些方面的举措', doc, policy).breadth).toBe(true);
    expect(analyzeText('怎么治理黄河支流', doc, policy).breadth).toBe(false);
  });
});
