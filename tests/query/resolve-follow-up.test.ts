import { describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { resolveQuestion } from '../../server/query/analyze-question.ts';
import { resolveFollowUp, type FollowUpRules } from '../../server/query/resolve-follow-up.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const rules: FollowUpRules = {
  cues: policy.followUp,
  marker: policy.templates.marker,
  framing: policy.framing,
  goalsQuestion: policy.rules.goalsQuestion,
};
const resolve = (message: string, history: ChatTurn[]) =>
  resolveFollowUp(message, history, doc, rules);

const user = (content: string): ChatTurn => ({ role: 'user', content });
const assistant = (content: string): ChatTurn => ({ role: 'assistant', content });

/** A conversation about pollution, answered from articles 7 and 9. */
const POLLUTION: ChatTurn[] = [
  user('乌海怎么治理污染'),
  assistant('“深化集中整治,做实长效治理。”〔第7条〕\n“健全生态文明制度体系。”〔第9条〕'),
];
/** A conversation about part 8 (民生福祉: articles 25–29). */
const PART_EIGHT: ChatTurn[] = [
  user('第八部分讲了什么'),
  assistant('第25条“促进高质量充分就业”〔第25条〕\n第26条“办好人民满意教育”〔第26条〕'),
];

describe('resolveFollowUp', () => {
  it('treats the first message of a conversation as standalone, whatever it says', () => {
    expect(resolve('第二条呢', [])).toEqual({ query: '第二条呢', kind: 'standalone' });
    expect(resolve('还有吗', [])).toEqual({ query: '还有吗', kind: 'standalone' });
  });

  it('第二条呢 after a question about a part picks that part’s second article', () => {
    const followUp = resolve('第二条呢', PART_EIGHT);
    expect(followUp.kind).toBe('ordinal');
    expect(followUp.directArticles).toEqual([26]);
  });

  it('最后一条呢 picks the last article of the part asked about, not the last one cited', () => {
    expect(resolve('最后一条呢', PART_EIGHT).directArticles).toEqual([29]);
  });

  it('asking what the n-th one says, in any of its wordings, picks the n-th article of the part just listed', () => {
    for (const message of [
      '第一条具体讲了什么？',
      '第一条说了啥',
      '那第一条的内容呢',
      '第一条主要讲的是什么',
    ])
      expect(resolve(message, PART_EIGHT)).toMatchObject({ kind: 'ordinal', directArticles: [25] });
  });

  it('the part asked about earlier in the conversation still counts after an ordinal turn', () => {
    const history = [...PART_EIGHT, user('第二条呢'), assistant('“…”〔第26条〕')];
    expect(resolve('那第三条呢？', history).directArticles).toEqual([27]);
  });

  it('an ordinal beyond the part’s articles resolves to nothing', () => {
    const followUp = resolve('第六条呢', PART_EIGHT);
    expect(followUp.kind).not.toBe('ordinal');
    expect(followUp.directArticles).toBeUndefined();
  });

  it('after a question about the main goals, 第二个呢 and 最后一个 pick goals of article 3', () => {
    const history = [
      user('今后五年的主要目标是什么'),
      assistant('第3条提出的今后五年主要目标是：\n“…”〔第3条〕'),
    ];
    expect(resolve('第二个呢', history)).toMatchObject({
      kind: 'ordinal',
      directArticles: [3],
      goalOrdinal: 2,
    });
    expect(resolve('最后一个呢', history)).toMatchObject({
      directArticles: [3],
      goalOrdinal: doc.mainGoals.length,
    });
  });

  it('without a part or goals in view, an ordinal picks among the articles just cited', () => {
    expect(resolve('第二条呢', POLLUTION)).toMatchObject({ kind: 'ordinal', directArticles: [9] });
    expect(resolve('最后一条呢', POLLUTION)).toMatchObject({
      kind: 'ordinal',
      directArticles: [9],
    });
    expect(resolve('第三条呢', POLLUTION).directArticles).toBeUndefined();
  });

  it('a long message with 第二条 in it is not an ordinal follow-up', () => {
    const followUp = resolve('第二条关于生态环境的要求具体是怎么规定的呢', PART_EIGHT);
    expect(followUp.kind).not.toBe('ordinal');
    expect(followUp.directArticles).toBeUndefined();
  });

  it('还有吗 followed by a question of its own asks that question, not for more of the last one', () => {
    const followUp = resolve('还有吗？安全生产方面呢？', POLLUTION);
    expect(followUp.kind).not.toBe('more');
    expect(followUp.query).toBe('还有吗？安全生产方面呢？');
    expect(resolve('还有吗？', POLLUTION).kind).toBe('more');
    expect(resolve('还有别的措施吗', POLLUTION).kind).toBe('more');
  });

  it('还有吗 searches the previous question again, away from the articles already cited', () => {
    expect(resolve('还有吗？', POLLUTION)).toMatchObject({
      query: '乌海怎么治理污染',
      kind: 'more',
      excludeArticles: [7, 9],
      previousQuestion: '乌海怎么治理污染',
    });
  });

  it('这一条还讲了什么 stays inside the articles just cited', () => {
    expect(resolve('这一条还讲了什么', POLLUTION)).toMatchObject({
      kind: 'deictic',
      restrictToArticles: [7, 9],
      previousQuestion: '乌海怎么治理污染',
    });
  });

  it('a pointer back after an answer that cited nothing is not restricted to nothing', () => {
    const history = [user('乌海有几个机场'), assistant('《建议》中没有涉及这个问题。')];
    const followUp = resolve('这一条还讲了什么', history);
    expect(followUp.kind).toBe('standalone');
    expect(followUp.restrictToArticles).toBeUndefined();
  });

  it('a short follow-up carries the previous question; a long new question does not', () => {
    expect(resolve('那养老呢', POLLUTION)).toEqual({
      query: '那养老呢',
      kind: 'standalone',
      previousQuestion: '乌海怎么治理污染',
    });
    expect(
      resolve('乌海在发展现代服务业上有哪些主要举措和安排呢', POLLUTION).previousQuestion,
    ).toBeUndefined();
  });

  it('resolveQuestion wires the policy’s cues and marker the same way', () => {
    expect(
      resolveQuestion({ message: '第二条呢', history: PART_EIGHT }, doc, policy).directArticles,
    ).toEqual([26]);
  });
});
