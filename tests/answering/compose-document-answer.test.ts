import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import type { Audience } from '../../core/wire/chat-wire.ts';
import { composeDocumentAnswer } from '../../server/answering/compose-document-answer.ts';
import type { DocumentQuestion } from '../../server/query/document-question.ts';
import { expectDocumentAnswerLines } from '../helpers/document-lines.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const source = readFileSync(
  path.join(import.meta.dirname, '../../data/wuhai-15th-fyp-proposal.txt'),
  'utf8',
);
const articleText = (article: number) => articleByNumber(doc, article)!.text;
const compose = (question: DocumentQuestion, mode: Audience = 'staff') =>
  composeDocumentAnswer(question, { document: doc, policy, mode });
const MODES: Audience[] = ['staff', 'citizen', 'trainer'];
const cited = (answer: ReturnType<typeof compose>) =>
  answer.citations.map((citation) => citation.article);

describe('composeDocumentAnswer: answers from the parsed structure', () => {
  const every: DocumentQuestion[] = [
    { kind: 'adoption' },
    { kind: 'title' },
    { kind: 'part-count' },
    { kind: 'part-list' },
    { kind: 'article-count' },
    { kind: 'part-title', part: 3 },
    { kind: 'part-articles', part: 5 },
    { kind: 'part-of-article', article: 23 },
    { kind: 'preamble' },
    { kind: 'closing' },
    { kind: 'vision' },
    { kind: 'main-goals' },
  ];

  it.each(every.flatMap((question) => MODES.map((mode) => [question, mode] as const)))(
    '%j (%s): answered, every line template text or a verbatim quote, citations verbatim',
    (question, mode) => {
      const answer = compose(question, mode);
      expect(answer.answered).toBe(true);
      expect(answer.related).toEqual([]);
      expectDocumentAnswerLines(answer, articleText, source);
    },
  );

  it('the line check itself rejects text that is neither a template nor a verbatim quote', () => {
    const check = (answer: string) => () =>
      expectDocumentAnswerLines({ answer, citations: [] }, articleText, source);
    expect(
      check(
        '《建议》标题下的题注是：\n“二〇二五年十一月二十五日中国共产党乌海市第八届委员会第十次全体会议通过”',
      ),
    ).not.toThrow();
    expect(check('《建议》标题下的题注是：\n“二〇二五年十二月一日通过”')).toThrow();
    expect(check('《建议》是2025年通过的。')).toThrow();
    expect(
      check('第3条对二〇三五年的远景展望是：\n“同全国全区一道基本实现社会主义现代化。”〔第4条〕'),
    ).toThrow();
  });

  it('the adoption date and meeting: the adoption note quoted, no citation (no article holds it)', () => {
    const answer = compose({ kind: 'adoption' });
    expect(answer.answer).toContain(
      '“二〇二五年十一月二十五日中国共产党乌海市第八届委员会第十次全体会议通过”',
    );
    expect(answer.answer).not.toMatch(/〔第\d+条〕/);
    expect(answer.citations).toEqual([]);
  });

  it('the number of parts and their headings', () => {
    const answer = compose({ kind: 'part-count' }, 'citizen');
    expect(answer.answer).toContain('10个部分');
    for (const part of doc.parts) expect(answer.answer).toContain(part.title);
    expect(answer.citations).toEqual([]);
  });

  it('the part of 第23条: the part heading, and 第23条 cited by its title sentence', () => {
    const answer = compose({ kind: 'part-of-article', article: 23 });
    expect(answer.answer).toContain('第23条属于第七部分');
    expect(answer.answer).toContain(partByNumber(doc, 7)!.title);
    expect(answer.citations).toEqual([
      {
        article: 23,
        title: '提升城市功能品质',
        part: 7,
        partTitle: partByNumber(doc, 7)!.title,
        quote: '提升城市功能品质。',
      },
    ]);
  });

  it('a part title: the heading, then its articles cited by their title sentences', () => {
    const answer = compose({ kind: 'part-title', part: 3 });
    expect(answer.answer.split('\n')[0]).toBe(
      '第三部分的标题是：“坚持生态优先、绿色发展,系统推进生态环境综合治理”',
    );
    expect(cited(answer)).toEqual([7, 8, 9]);
  });

  it('the articles of a part, under a lead naming the part by its title: the first quoted line is an article', () => {
    const answer = compose({ kind: 'part-articles', part: 5 }, 'citizen');
    const [lead, first] = answer.answer.split('\n');
    expect(lead).toBe(`第五部分“${doc.parts[4]!.title}”共4条（第14条至第17条）：`);
    expect(first).toBe('第14条：“培育科创平台。”〔第14条〕');
    expect(cited(answer)).toEqual([14, 15, 16, 17]);
    expect(answer.answer).toContain('“培育科创平台。”〔第14条〕');
  });

  it('the opening of a part in one line that ends with the opening itself, the part named by its title', () => {
    const part = doc.parts[7]!;
    const answer = compose({ kind: 'part-intro', part: 8 });
    expect(answer.answer.split('\n')).toEqual([
      `第八部分“${part.title}”的开头（各条之前）写道：“${part.intro}”`,
    ]);
    expect(answer.citations).toEqual([]);
  });

  it('the number of articles, with the last one cited', () => {
    const answer = compose({ kind: 'article-count' });
    expect(answer.answer).toContain('共36条');
    expect(cited(answer)).toEqual([36]);
  });

  it('the preamble and the closing are quoted whole, without a citation', () => {
    const preamble = compose({ kind: 'preamble' }, 'citizen');
    expect(preamble.answer).toContain('党的二十届四中全会精神');
    expect(preamble.answer).toContain('自治区党委十一届十次全会精神');
    expect(preamble.citations).toEqual([]);
    const closing = compose({ kind: 'closing' });
    expect(closing.answer).toContain(`“${doc.closing}”`);
    expect(closing.citations).toEqual([]);
  });

  it('the 2035 vision: the vision paragraph of article 3, not the five-year goals', () => {
    const answer = compose({ kind: 'vision' });
    expect(answer.answer).toContain('到二〇三五年全市生态环境质量');
    expect(answer.answer).toContain('〔第3条〕');
    expect(answer.answer).not.toContain('——生态环境质量明显改善');
    expect(cited(answer)).toEqual([3]);
    for (const citation of answer.citations) expect(doc.vision2035!.text).toContain(citation.quote);
  });

  it('the main goals: the goal headlines of article 3, not the vision', () => {
    const answer = compose({ kind: 'main-goals' }, 'citizen');
    for (const goal of doc.mainGoals) expect(answer.answer).toContain(goal.label);
    expect(answer.answer).not.toContain('二〇三五年全市');
    expect(new Set(cited(answer))).toEqual(new Set([3]));
  });
});
