import { DOCUMENT_QUESTION_KINDS } from '../../server/policy/document-question-cues.ts';
import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import {
  compileDocumentQuestionCues,
  DocumentQuestionsFile,
} from '../../server/policy/document-question-cues.ts';
import { analyzeQuestion } from '../../server/query/analyze-question.ts';
import { detectDocumentQuestion } from '../../server/query/document-question.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const detect = (message: string, pointed?: number[]) =>
  detectDocumentQuestion(message, doc, policy, pointed);

describe('detectDocumentQuestion: questions about the document itself', () => {
  it.each([
    ['这份建议是什么时候通过的？', { kind: 'adoption' }],
    ['这份建议是在哪次会议上通过的？', { kind: 'adoption' }],
    ['《建议》是在哪次会议上审议通过的？', { kind: 'adoption' }],
    ['哪次会议通过了这份建议', { kind: 'adoption' }],
    ['建议的通过时间是什么', { kind: 'adoption' }],
    ['这份文件的全称是什么？', { kind: 'title' }],
    ['建议一共分为几个部分？', { kind: 'part-count' }],
    ['一共几个部分', { kind: 'part-count' }],
    ['建议有哪几个部分？', { kind: 'part-list' }],
    ['各部分的标题分别是什么', { kind: 'part-list' }],
    ['建议的结构是怎样的', { kind: 'part-list' }],
    ['建议有多少条', { kind: 'article-count' }],
    ['建议一共有多少条？', { kind: 'article-count' }],
    ['全文一共有多少条？', { kind: 'article-count' }],
    ['第三部分的标题是什么', { kind: 'part-title', part: 3 }],
    ['第三部分叫什么？', { kind: 'part-title', part: 3 }],
    ['民生部分的题目是什么', { kind: 'part-title', part: 8 }],
    ['第五部分包括哪些条', { kind: 'part-articles', part: 5 }],
    ['第五部分有几条？各条标题是什么？', { kind: 'part-articles', part: 5 }],
    ['第七部分从第几条到第几条？', { kind: 'part-articles', part: 7 }],
    ['第八部分开头强调了什么原则？', { kind: 'part-intro', part: 8 }],
    ['民生那部分的开篇讲了什么', { kind: 'part-intro', part: 8 }],
    ['第三部分的总体要求是什么', { kind: 'part-intro', part: 3 }],
    ['第23条属于哪一部分？', { kind: 'part-of-article', article: 23 }],
    ['第5条是哪个部分的内容？', { kind: 'part-of-article', article: 5 }],
    ['哪一部分包括第23条', { kind: 'part-of-article', article: 23 }],
    ['制定建议是为了贯彻哪些会议精神', { kind: 'preamble' }],
    ['为了贯彻哪些会议精神？', { kind: 'preamble' }],
    ['建议的目的是什么', { kind: 'preamble' }],
    ['序言说了什么', { kind: 'preamble' }],
    ['结束语说了什么', { kind: 'closing' }],
    ['《建议》最后号召大家做什么？', { kind: 'closing' }],
    ['建议的结尾一段提出了什么要求', { kind: 'closing' }],
    ['文末提出了哪些希望', { kind: 'closing' }],
    ['文件结尾向全市党员干部群众发出了什么号召？', { kind: 'closing' }],
    ['第五部分的开篇段落讲了什么？', { kind: 'part-intro', part: 5 }],
    ['序言那一段说了什么', { kind: 'preamble' }],
    ['2035年远景目标是什么？', { kind: 'vision' }],
    ['远景目标是什么', { kind: 'vision' }],
    ['到二〇三五年乌海会是什么样', { kind: 'vision' }],
    ['主要目标是什么？', { kind: 'main-goals' }],
    ['今后五年的目标是什么', { kind: 'main-goals' }],
    ['今后五年的主要目标一共有几个？分别是什么？', { kind: 'main-goals' }],
  ])('%s → %j', (message, expected) => {
    expect(detect(message)).toEqual(expected);
  });

  it('reads years written in digits or in Chinese alike (2035 ↔ 二〇三五)', () => {
    for (const message of [
      '2035年远景目标是什么？',
      '２０３５年远景目标是什么？',
      '二〇三五年远景目标是什么？',
      '二零三五年远景目标是什么？',
      '二〇三五年的目标是什么',
    ])
      expect(detect(message), message).toEqual({ kind: 'vision' });
  });

  it('reads article and part numbers in either numeral (第23条 ↔ 第二十三条, 第三部分 ↔ 第3部分)', () => {
    for (const message of [
      '第23条属于哪一部分？',
      '第二十三条属于哪个部分？',
      '第（23）条在第几部分',
      '第 23 条属于哪部分',
    ])
      expect(detect(message), message).toEqual({ kind: 'part-of-article', article: 23 });
    expect(detect('第3部分的标题是什么')).toEqual({ kind: 'part-title', part: 3 });
  });

  it('reads “十五五” with or without its quotation marks', () => {
    expect(detect('“十五五”时期的主要目标有哪些')).toEqual({ kind: 'main-goals' });
    expect(detect('十五五时期的主要目标有哪些')).toEqual({ kind: 'main-goals' });
  });

  it('sends the 2035 vision to the vision and the main goals to the goals', () => {
    expect(detect('2035年远景目标是什么？')).toEqual({ kind: 'vision' });
    expect(detect('主要目标是什么？')).toEqual({ kind: 'main-goals' });
    expect(detect('“十五五”时期经济社会发展的主要目标有哪些？')).toEqual({ kind: 'main-goals' });
  });

  it.each([
    '乌海什么时候实现碳达峰',
    '第23条讲什么',
    '看病难怎么办',
    '第八部分讲了哪些内容',
    '第3条讲了什么',
    '第（20）条的标题是什么？',
    '生态环境方面的主要目标是什么',
    '就业的目标是什么',
    '2035年人均地区生产总值达到多少',
    '乌海什么时候通过义务教育优质均衡评估',
    '建议什么时候制定碳排放预算管理制度',
    '乌海有多少条公交线路',
    '建议里有多少条关于就业的内容',
    '第36条要贯彻什么精神',
    '那第二个目标呢',
    '第八部分第一条讲什么',
    '第一部分包括哪几条，分别讲什么？',
  ])('does not capture %s (not about the document as such)', (message) => {
    expect(detect(message)).toBeNull();
  });

  it('leaves a number the document lacks to the ordinary refusal', () => {
    expect(detect('第40条属于哪一部分')).toBeNull();
    expect(detect('第十二部分的标题是什么')).toBeNull();
  });

  it('takes the article a pointer refers to (这一条属于哪一部分) when it is one article', () => {
    expect(detect('这一条属于哪一部分？', [31])).toEqual({ kind: 'part-of-article', article: 31 });
    expect(detect('这一条属于哪一部分？', [23, 24])).toBeNull();
    expect(detect('这一条属于哪一部分？')).toBeNull();
    // A number in the message wins over the pointer.
    expect(detect('第5条属于哪一部分？', [31])).toEqual({ kind: 'part-of-article', article: 5 });
  });

  it('does not answer from structure the document lacks', () => {
    const withoutVision = { ...doc, vision2035: null, closing: '' };
    expect(detectDocumentQuestion('2035年远景目标是什么？', withoutVision, policy)).toBeNull();
    expect(detectDocumentQuestion('结束语说了什么', withoutVision, policy)).toBeNull();
  });

  it('never captures a long message', () => {
    expect(
      detect(`${'我想请教一个关于乌海市生态环境治理和城市建设的问题，'.repeat(3)}建议有多少条`),
    ).toBeNull();
  });
});

describe('analyzeQuestion sets documentQuestion once', () => {
  const user = (content: string): ChatTurn => ({ role: 'user', content });
  const assistant = (content: string): ChatTurn => ({ role: 'assistant', content });

  it('on a question about the document, beside the retrieval attempts', () => {
    const analysis = analyzeQuestion({ message: '第23条属于哪一部分？', history: [] }, doc, policy);
    expect(analysis.documentQuestion).toEqual({ kind: 'part-of-article', article: 23 });
    expect(analysis.attempts.length).toBeGreaterThan(0);
  });

  it('not on other questions', () => {
    for (const message of ['乌海什么时候实现碳达峰', '第23条讲什么', '看病难怎么办'])
      expect(
        analyzeQuestion({ message, history: [] }, doc, policy).documentQuestion,
      ).toBeUndefined();
  });

  it('on 这一条属于哪一部分 right after an answer citing one article', () => {
    const history = [
      user('安全生产有什么要求？'),
      assistant('第31条“防范化解重点领域风险”提出：“深化安全生产治本攻坚行动。”〔第31条〕'),
    ];
    const analysis = analyzeQuestion({ message: '这一条属于哪一部分？', history }, doc, policy);
    expect(analysis.documentQuestion).toEqual({ kind: 'part-of-article', article: 31 });
  });
});

describe('data/dict/document-questions.json is validated when the policy loads', () => {
  const valid = {
    maxLength: 40,
    words: { doc: ['建议', '《建议》'] },
    kinds: [{ kind: 'article-count', patterns: ['^{doc}有多少条$'] }],
  };

  it('compiles families into alternations of normalised words', () => {
    const cues = compileDocumentQuestionCues(DocumentQuestionsFile.parse(valid));
    expect(cues.kinds[0]!.patterns[0]!.test('建议有多少条')).toBe(true);
    expect(cues.kinds[0]!.patterns[0]!.test('文件有多少条')).toBe(false);
  });

  it.each([
    [
      'an undefined family',
      { kinds: [{ kind: 'article-count', patterns: ['{file}有多少条'] }] },
      'file',
    ],
    [
      'an invalid expression',
      { kinds: [{ kind: 'article-count', patterns: ['({doc}'] }] },
      'regular',
    ],
    ['an unknown kind', { kinds: [{ kind: 'author', patterns: ['作者'] }] }, 'kind'],
    [
      'a kind listed twice',
      {
        kinds: [
          { kind: 'closing', patterns: ['结语'] },
          { kind: 'closing', patterns: ['结尾'] },
        ],
      },
      'twice',
    ],
    ['a word that is only punctuation', { words: { doc: ['《》'] } }, 'empty'],
  ])('rejects %s', (_label, change, message) => {
    const result = DocumentQuestionsFile.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it('the shipped file lists every kind', () => {
    expect(policy.documentQuestions.kinds.map((entry) => entry.kind)).toEqual([
      ...DOCUMENT_QUESTION_KINDS,
    ]);
  });
});
