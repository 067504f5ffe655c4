import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { analyzeQuestion, resolveQuestion } from '../../server/query/analyze-question.ts';
import type { RetrievalAttempt } from '../../server/query/question-analysis.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const { marker } = policy.templates;

const user = (content: string): ChatTurn => ({ role: 'user', content });
const assistant = (content: string): ChatTurn => ({ role: 'assistant', content });
const resolve = (message: string, history: ChatTurn[]) =>
  resolveQuestion({ message, history }, doc, policy);
const analyze = (message: string, history: ChatTurn[]) =>
  analyzeQuestion({ message, history }, doc, policy);

/** The sentences of an article after its title sentence, verbatim. */
const sentencesOf = (article: number) =>
  splitSentences(articleByNumber(doc, article)!.text)
    .slice(1)
    .map((sentence) => sentence.text);
/** An answer as the offline composer writes it: a lead line, then “sentence”〔第N条〕 per quote. */
const answerQuoting = (article: number, sentences: string[]) =>
  ['《建议》提出：', ...sentences.map((sentence) => `“${sentence}”${marker.format(article)}`)].join(
    '\n',
  );
/** A conversation that asked about one article and got its opening sentences. */
const about = (article: number, quoted = 2): ChatTurn[] => [
  user(`第${article}条讲什么？`),
  assistant(answerQuoting(article, sentencesOf(article).slice(0, quoted))),
];

const first = doc.articles[0]!.number;
const last = doc.articles.at(-1)!.number;
const unscoped = (attempt: RetrievalAttempt) =>
  attempt.kind === 'search' && !attempt.restrictToArticles;

describe('下一条 / 上一条: the article after or before the one just cited', () => {
  it.each([
    '下一条',
    '下一条呢？',
    '那下一条呢',
    '下一个条文',
    '后面一条',
    '后一条讲什么',
    '接下来一条',
  ])('%s after 第12条 goes to 第13条, as a whole', (message) => {
    const followUp = resolve(message, about(12));
    expect(followUp).toMatchObject({ kind: 'adjacent', directArticles: [13] });
    expect(analyze(message, about(12)).attempts).toEqual([
      expect.objectContaining({ kind: 'articles', articles: [13] }),
    ]);
  });

  it.each([
    '上一条',
    '上一条讲的是什么？',
    '那上一条呢',
    '前一条',
    '前面一条讲了什么',
    '上一个条文',
  ])('%s after 第12条 goes to 第11条', (message) => {
    expect(resolve(message, about(12))).toMatchObject({ kind: 'adjacent', directArticles: [11] });
  });

  it('moves across a part boundary in the document’s order', () => {
    const lastOfPartThree = doc.parts[2]!.articleNumbers.at(-1)!;
    const firstOfPartFour = doc.parts[3]!.articleNumbers[0]!;
    expect(resolve('下一条', about(lastOfPartThree)).directArticles).toEqual([firstOfPartFour]);
    expect(resolve('上一条', about(firstOfPartFour)).directArticles).toEqual([lastOfPartThree]);
  });

  it('after an answer citing several articles, moves past all of them', () => {
    const history = [
      user('乌海怎么治理污染'),
      assistant(`“深化集中整治,做实长效治理。”〔第7条〕\n“健全生态文明制度体系。”〔第9条〕`),
    ];
    expect(resolve('下一条', history).directArticles).toEqual([10]);
    expect(resolve('上一条', history).directArticles).toEqual([6]);
  });

  it('上一条 after the first article and 下一条 after the last have nothing to move to', () => {
    const before = analyze('上一条', about(first));
    expect(before.followUp.directArticles).toBeUndefined();
    expect(before.nothingLeft).toEqual({ kind: 'no-previous', article: first });
    const after = analyze('下一条呢？', about(last));
    expect(after.followUp.directArticles).toBeUndefined();
    expect(after.nothingLeft).toEqual({ kind: 'no-next', article: last });
  });

  it('an article in between has something to move to', () => {
    expect(analyze('下一条', about(12)).nothingLeft).toBeUndefined();
  });

  it('without a cited article, 下一条 is not resolved against nothing', () => {
    const history = [user('乌海有几个机场'), assistant('《建议》中没有涉及这个问题。')];
    expect(resolve('下一条', history).kind).not.toBe('adjacent');
  });

  it.each(['下一步怎么打算', '下一部分讲什么', '上一条说的污染治理具体怎么做'])(
    '%s is not a move to the adjacent article',
    (message) => {
      expect(resolve(message, about(12)).kind).not.toBe('adjacent');
    },
  );
});

describe('具体怎么做: the same articles, sentences not yet quoted', () => {
  const CLUSTERS = [
    user('乌海要打造哪两个产业集群？'),
    assistant(answerQuoting(11, sentencesOf(11).slice(0, 2))),
  ];

  it.each([
    '具体怎么做',
    '具体怎么做呢？',
    '具体要怎么做',
    '具体有哪些做法',
    '具体说说',
    '详细一点',
    '说得具体一点',
    '能展开说说吗',
    '这一条具体怎么做',
  ])('%s stays with the cited article and carries the sentences already quoted', (message) => {
    expect(resolve(message, CLUSTERS)).toEqual({
      query: message,
      kind: 'elaborate',
      restrictToArticles: [11],
      previousQuestion: '乌海要打造哪两个产业集群？',
      alreadyQuoted: sentencesOf(11).slice(0, 2),
    });
  });

  it.each(['具体要整治哪些黄河支流？', '交通方面具体怎么说？', '这一条里储能具体怎么说？'])(
    '%s has a subject of its own and is not an elaboration',
    (message) => {
      expect(resolve(message, CLUSTERS).kind).not.toBe('elaborate');
    },
  );

  it('a quote of part of a sentence (as a model writes it) marks that sentence as quoted', () => {
    const [sentence] = sentencesOf(12).filter((text) => text.startsWith('推进绿电直连'));
    const history = [
      user('绿电直连在哪一条？'),
      assistant(
        '第12条“优化能源消费结构”提出：“推进绿电直连,积极承接先进绿色高载能产业转移”〔第12条〕。',
      ),
    ];
    expect(resolve('具体怎么做？', history).alreadyQuoted).toEqual([sentence]);
  });

  it('a quoted sentence with quotation marks of its own is found whole', () => {
    const [sentence] = sentencesOf(11).filter((text) => text.includes('“人工智能+”'));
    const history = [user('人工智能有什么打算'), assistant(answerQuoting(11, [sentence!]))];
    expect(resolve('详细一点', history).alreadyQuoted).toEqual([sentence]);
  });

  it('具体说说 after 具体怎么做 continues the first question and excludes what both answers quoted', () => {
    const sentences = sentencesOf(11);
    const history = [
      ...CLUSTERS,
      user('具体怎么做'),
      assistant(answerQuoting(11, [sentences[2]!])),
    ];
    expect(resolve('具体说说', history)).toMatchObject({
      kind: 'elaborate',
      previousQuestion: '乌海要打造哪两个产业集群？',
      alreadyQuoted: sentences.slice(0, 3),
    });
  });

  it('is searched only inside the cited articles, with the question it follows up', () => {
    const analysis = analyze('具体怎么做', CLUSTERS);
    expect(analysis.attempts.some(unscoped)).toBe(false);
    expect(analysis.attempts[0]).toMatchObject({ kind: 'search', restrictToArticles: [11] });
    expect(analysis.attempts[0]!.text.text).toBe('乌海要打造哪两个产业集群？ 具体怎么做');
    expect(analysis.attempts.at(-1)).toMatchObject({ kind: 'articles', articles: [11] });
    expect(analysis.nothingLeft).toBeUndefined();
  });

  it('an article whose every sentence was quoted is left out; when all are, nothing is left', () => {
    const history = [
      user('怎么发展产业'),
      assistant(
        `${answerQuoting(11, sentencesOf(11))}\n${answerQuoting(13, sentencesOf(13).slice(0, 1))}`,
      ),
    ];
    const analysis = analyze('具体说说', history);
    expect(
      analysis.attempts.every(
        (attempt) => attempt.kind === 'articles' || attempt.restrictToArticles?.length,
      ),
    ).toBe(true);
    expect(
      analysis.attempts.map((attempt) =>
        attempt.kind === 'articles' ? attempt.articles : attempt.restrictToArticles,
      ),
    ).toEqual([[13], [13]]);

    const exhausted = analyze('具体说说', [
      user('第11条讲什么'),
      assistant(answerQuoting(11, sentencesOf(11))),
    ]);
    expect(exhausted.nothingLeft).toEqual({ kind: 'all-quoted', articles: [11] });
    expect(exhausted.attempts.some((attempt) => attempt.kind === 'search')).toBe(false);
  });
});

describe('还有吗: further articles for the same question', () => {
  it('还有吗 after 还有吗 continues the first question, away from everything cited since', () => {
    const history = [
      user('看病方面有什么新说法？'),
      assistant('“深化京蒙医疗合作。”〔第27条〕'),
      user('还有吗'),
      assistant('“落实住房补贴、配偶就业、子女入学、医疗保障等配套政策。”〔第17条〕'),
    ];
    expect(resolve('还有吗？', history)).toMatchObject({
      query: '看病方面有什么新说法？',
      kind: 'more',
      excludeArticles: [27, 17],
      previousQuestion: '看病方面有什么新说法？',
      // The document's sentences the answers quoted (whole, as evidence reads them), so none is quoted again.
      alreadyQuoted: [
        '深化京蒙医疗合作,建好自治区专科区域医疗中心,提升紧密型城市医疗集团建设试点质量,让乌海老百姓在家门口放心地看病就医。',
        '优化人才来乌留乌服务体系,落实住房补贴、配偶就业、子女入学、医疗保障等配套政策。',
      ],
    });
  });
});

describe('a topic switch with a subject of its own', () => {
  it.each(['那教育方面呢', '那养老呢'])(
    '%s after a question about 看病 searches the whole plan',
    (message) => {
      const history = [user('看病方面有什么新说法？'), assistant('“深化京蒙医疗合作。”〔第27条〕')];
      const analysis = analyze(message, history);
      expect(analysis.followUp.kind).toBe('standalone');
      expect(analysis.attempts[0]).toMatchObject({ kind: 'search', text: { text: message } });
      expect(
        analysis.attempts[0]!.kind === 'search' && analysis.attempts[0]!.restrictToArticles,
      ).toBeFalsy();
    },
  );
});
