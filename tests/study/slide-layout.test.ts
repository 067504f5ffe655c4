// The slide planner's decisions on small packs built by hand: how Chinese text wraps, which size a slide's text gets,
// and where a section continues on a （续） slide. LibreOffice checks the rendered result in office-exports.test.ts.
import { describe, expect, it } from 'vitest';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import {
  BODY_BOX,
  planStudySlides,
  type PlannedSlide,
} from '../../server/study/plan-study-slides.ts';
import { estimateLines, fitsBox, largestFittingSize } from '../../server/study/slide-text-fit.ts';
import type { QuizItem, StudyPack } from '../../server/study/study-types.ts';

const templates = loadAnswerPolicy().templates;
const info = { title: '某市规划建议', adoptionNote: '二〇二五年十一月二十五日通过' };

describe('estimateLines', () => {
  it('wraps Chinese text a character at a time', () => {
    expect(estimateLines('一'.repeat(20), 20)).toBe(1);
    expect(estimateLines('一'.repeat(21), 20)).toBe(2);
    expect(estimateLines('一'.repeat(60), 20)).toBe(3);
  });

  it('never starts a line with closing punctuation: the character before it moves down too', () => {
    // 10 characters fill the line; the full stop may not open the next one, so 十 goes with it.
    const text = `一二三四五六七八九十。${'一'.repeat(9)}`;
    expect(estimateLines(text, 10)).toBe(3);
    expect(estimateLines(`一二三四五六七八九十一${'一'.repeat(9)}`, 10)).toBe(2);
  });

  it('counts digits and Latin letters as narrower than Chinese characters', () => {
    expect(estimateLines('2035'.repeat(8), 20)).toBe(1);
    expect(estimateLines('二〇三五'.repeat(8), 20)).toBe(2);
  });
});

describe('largestFittingSize', () => {
  it('takes the largest size at which the text fits, and none when nothing does', () => {
    const box = { widthPt: 600, heightPt: 120 };
    const short = [{ text: '一'.repeat(30) }];
    expect(largestFittingSize(short, [40, 30, 20], box)).toBe(30);
    expect(largestFittingSize([{ text: '一'.repeat(2000) }], [40, 30, 20], box)).toBeNull();
  });
});

function item(id: number, sentence: string): QuizItem {
  return {
    id: `q${id}`,
    type: id % 2 === 0 ? 'multiple-choice' : 'fill-blank',
    prompt: `填空（第1条）：${sentence.replace('建设', '＿＿＿＿')}`,
    ...(id % 2 === 0 ? { options: ['建设', '发展', '改革', '开放'] } : {}),
    answer: '建设',
    article: 1,
    quote: sentence,
  };
}

function packOf(points: string[], quizSentences: string[]): StudyPack {
  return {
    title: '第一部分“示例”学习辅导材料',
    selection: { kind: 'part', part: 1, articles: [1] },
    outline: [
      {
        article: 1,
        title: '示例条文',
        part: 1,
        partTitle: '示例',
        points: points.map((quote) => ({
          quote,
          citation: { article: 1, title: '示例条文', part: 1, partTitle: '示例', quote },
        })),
      },
    ],
    keyTerms: [{ term: '建设', article: 1, quote: points[0]! }],
    discussion: [{ question: '第1条“示例条文”提出“建设”。如何落实？', articles: [1] }],
    quiz: quizSentences.map((sentence, index) => item(index + 1, sentence)),
    provider: 'offline',
  };
}

const text = (slide: PlannedSlide) => slide.paragraphs.map((paragraph) => paragraph.text);

describe('planStudySlides', () => {
  it('a short pack: title, one slide per section, the key last, all at the largest size', () => {
    const slides = planStudySlides(
      packOf(['加强城市建设。', '推进乡村建设。'], ['加强城市建设。', '推进乡村建设。']),
      info,
      templates,
    );
    expect(slides.map((slide) => slide.kind)).toEqual([
      'title',
      'article',
      'key-terms',
      'discussion',
      'quiz',
      'answers',
    ]);
    expect(slides[0]!.title).toBe('第一部分“示例”学习辅导材料');
    expect(text(slides[0]!)).toEqual([
      '《某市规划建议》',
      '（二〇二五年十一月二十五日通过）',
      '涉及条文：第1条',
    ]);
    expect(slides[1]!.title).toBe('第1条 示例条文');
    expect(text(slides[1]!)).toEqual(['“加强城市建设。”〔第1条〕', '“推进乡村建设。”〔第1条〕']);
    expect(text(slides[4]!)).toEqual([
      '1. 填空（第1条）：加强城市＿＿＿＿。',
      '2. 填空（第1条）：推进乡村＿＿＿＿。',
      'A. 建设\u3000\u3000B. 发展\u3000\u3000C. 改革\u3000\u3000D. 开放',
    ]);
    expect(text(slides[5]!)).toEqual([
      '1. 建设',
      '出处：“加强城市建设。”〔第1条〕',
      '2. A. 建设',
      '出处：“推进乡村建设。”〔第1条〕',
    ]);
    expect(slides.slice(1).every((slide) => slide.fontSize === 24)).toBe(true);
  });

  it('a long section continues on （续） slides at one size, splitting only between whole quotes', () => {
    const points = Array.from(
      { length: 8 },
      (_, index) => `第${index}句${'城市建设'.repeat(30)}。`,
    );
    const slides = planStudySlides(packOf(points, []), info, templates).filter(
      (slide) => slide.kind === 'article',
    );
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.map((slide) => slide.title)).toEqual([
      '第1条 示例条文',
      ...Array(slides.length - 1).fill('第1条 示例条文（续）'),
    ]);
    expect(new Set(slides.map((slide) => slide.fontSize)).size).toBe(1);
    expect(slides.flatMap(text)).toEqual(points.map((point) => `“${point}”〔第1条〕`));
    for (const slide of slides) {
      const view = slide.paragraphs.map((paragraph) => ({
        text: paragraph.text,
        indentEm: paragraph.bullet ? 1.2 : 0,
      }));
      expect(fitsBox(view, slide.fontSize, BODY_BOX)).toBe(true);
    }
  });

  it('a sentence too long for one slide at 20 pt gets a smaller size, still whole on one slide', () => {
    const long = `${'推进城市建设和乡村振兴'.repeat(60)}。`;
    const [slide] = planStudySlides(packOf([long], []), info, templates).filter(
      (candidate) => candidate.kind === 'article',
    );
    expect(slide!.fontSize).toBeLessThan(20);
    expect(text(slide!)).toEqual([`“${long}”〔第1条〕`]);
  });

  it('no quiz, no quiz or key slides', () => {
    const kinds = planStudySlides(packOf(['加强城市建设。'], []), info, templates).map(
      (slide) => slide.kind,
    );
    expect(kinds).not.toContain('quiz');
    expect(kinds).not.toContain('answers');
  });
});
