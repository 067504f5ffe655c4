import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { composeDocumentAnswer } from '../../server/answering/compose-document-answer.ts';
import { detectMentionQuestion } from '../../server/query/mention-question.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const detect = (message: string, namesStructure = false) =>
  detectMentionQuestion(message, doc, policy, namesStructure);
const articlesOf = (message: string) => [
  ...new Set(detect(message)?.mentions.map((mention) => mention.article)),
];

describe('detectMentionQuestion: where the plan mentions something', () => {
  it('finds every article that uses the phrase, however the question asks where', () => {
    // 氢能 is in 第12条 (发展氢能源产业…推进氢能“制、储、运、用”) and 第16条 (推动氢能应用向工业领域拓展), nowhere else.
    for (const question of [
      '规划里有哪些地方提到了氢能？',
      '氢能在建议中出现在哪几条？',
      '哪几条提到氢能',
      '氢能出现了几次',
      '氢能体现在哪些地方',
    ])
      expect(articlesOf(question)).toEqual([12, 16]);
  });

  it('reads a compound the plan writes with a qualifier inside it (固态电池 in 固态储能电池)', () => {
    const found = detect('固态电池在规划中出现在哪几条？');
    expect(found?.phrases).toEqual(['固态电池']);
    // Articles 11, 15 and 16 treat it; article 3 (the goals, in the overview part) only restates it, and comes last.
    expect(found?.mentions.map((mention) => mention.article)).toEqual([11, 15, 16, 3]);
    const in16 = found!.mentions.find((mention) => mention.article === 16)!;
    expect(in16.sentence.text).toContain('固态储能电池');
  });

  it('quotes, for each article, the sentence most about the phrase', () => {
    const found = detect('规划里有哪些地方提到了氢能？')!;
    const in16 = found.mentions.find((mention) => mention.article === 16)!;
    // Not the long list 围绕可降解新材料、新能源载具、储能装备、氢能等推广应用 that names it among others.
    expect(in16.sentence.text).toContain('推动氢能应用向工业领域拓展');
    for (const mention of found.mentions) {
      const article = articleByNumber(doc, mention.article)!;
      expect(article.text.slice(mention.sentence.start, mention.sentence.end)).toBe(
        mention.sentence.text,
      );
    }
  });

  it('is not a mention question when it names an article, asks otherwise, or its subject is everywhere or nowhere', () => {
    expect(detect('第12条提到了哪些项目', true)).toBeNull();
    expect(detect('氢能产业要怎么发展？')).toBeNull();
    expect(detect('哪些地方提到了发展')).toBeNull();
    expect(detect('哪些地方提到了量子计算')).toBeNull();
    // Only the goals (overview part) write 交通运输结构调整; article 13 treats it as 调整交通运输结构.
    expect(detect('交通运输结构调整，规划在哪些条目里讲了？')).toBeNull();
  });
});

describe('composeDocumentAnswer: a mention question', () => {
  it('says how many articles use the phrase and cites each with its sentence', () => {
    const question = detect('规划中跟养老相关的内容分布在哪几条？')!;
    const draft = composeDocumentAnswer(question, { document: doc, policy, mode: 'staff' });
    const lines = draft.answer.split('\n');
    expect(lines[0]).toBe(
      policy.templates.fill('document.mentions', { count: 3, phrases: '“养老”' }),
    );
    expect(draft.citations.map((citation) => citation.article)).toEqual([18, 21, 28]);
    expect(draft.citations.every((citation) => citation.quote.includes('养老'))).toBe(true);
  });
});
