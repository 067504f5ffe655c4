import { describe, expect, it } from 'vitest';
import { chunkPlan } from '../../ingest/chunk-plan.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { PlanParseError } from '../../ingest/plan-parse-error.ts';

/** Lines joined with blank lines in between, like the published page; line n of the array is line 2n-1 of the text. */
function page(lines: string[]): string {
  return `${lines.join('\n\n')}\n`;
}

function parseError(source: string): PlanParseError {
  try {
    parsePlan(source, 'bad');
  } catch (error) {
    expect(error).toBeInstanceOf(PlanParseError);
    return error as PlanParseError;
  }
  throw new Error('parsePlan accepted a malformed document');
}

describe('parsePlan on other documents', () => {
  it('reads full-width numbering: 一、 parts with （一）（二） articles, goals, vision and closing', () => {
    const doc = parsePlan(
      page([
        '某市关于制定发展规划的建议（二〇二五年十一月一日某市委全会通过）',
        'A+ A-',
        '某市日报 编辑：张三 2025-12-01 09:00:00',
        '为推动发展，提出如下建议。',
        '一、总体要求',
        '坚持稳中求进工作总基调。',
        '（一）指导思想。坚持以人民为中心的发展思想。',
        '（二）主要目标。经济实力明显增强。',
        '——就业更加充分。居民收入稳步增长。',
        '——生态环境改善。空气质量持续向好。',
        '到二〇三五年基本实现现代化。',
        '二、重点任务',
        '（三）发展现代产业。培育新兴产业。',
        '（四）改善民生。办好人民满意教育。',
        '全市上下要团结奋斗。',
        '相关推荐',
        '视频号',
      ]),
      'city',
    );
    expect(doc.title).toBe('某市关于制定发展规划的建议');
    expect(doc.adoptionNote).toBe('二〇二五年十一月一日某市委全会通过');
    expect(doc.preamble).toBe('为推动发展，提出如下建议。');
    expect(
      doc.parts.map(({ number, title, intro, articleNumbers }) => ({
        number,
        title,
        intro,
        articleNumbers,
      })),
    ).toEqual([
      { number: 1, title: '总体要求', intro: '坚持稳中求进工作总基调。', articleNumbers: [1, 2] },
      { number: 2, title: '重点任务', intro: '', articleNumbers: [3, 4] },
    ]);
    expect(
      doc.articles.map((article) => [article.number, article.partNumber, article.title]),
    ).toEqual([
      [1, 1, '指导思想'],
      [2, 1, '主要目标'],
      [3, 2, '发展现代产业'],
      [4, 2, '改善民生'],
    ]);
    expect(doc.articles[0]?.text).toBe('指导思想。坚持以人民为中心的发展思想。');
    expect(doc.mainGoals.map((goal) => goal.label)).toEqual(['就业更加充分', '生态环境改善']);
    expect(doc.vision2035?.text).toBe('到二〇三五年基本实现现代化。');
    expect(doc.closing).toBe('全市上下要团结奋斗。');
    expect(JSON.stringify(doc)).not.toMatch(/A\+|编辑|相关推荐|视频号/);
    // Many retrieval units, not one giant chunk.
    expect(
      chunkPlan(doc)
        .filter((chunk) => chunk.articleNumber !== null)
        .map((chunk) => chunk.articleNumber),
    ).toEqual([1, 2, 2, 2, 2, 3, 4]);
  });

  it('reads full-width Arabic article numbers （１）（２）', () => {
    const doc = parsePlan(
      [
        '规划',
        '一、总体',
        '（１）甲项工作。正文一。',
        '（２）乙项工作。正文二。',
        '二、任务',
        '（３）丙项工作。正文三。',
      ].join('\n'),
      'fw',
    );
    expect(
      doc.articles.map((article) => [
        article.number,
        article.partNumber,
        article.title,
        article.text,
      ]),
    ).toEqual([
      [1, 1, '甲项工作', '甲项工作。正文一。'],
      [2, 1, '乙项工作', '乙项工作。正文二。'],
      [3, 2, '丙项工作', '丙项工作。正文三。'],
    ]);
  });

  it('reads 第一部分 parts with 第一条 articles', () => {
    const doc = parsePlan(
      [
        '某区条例草案',
        '第一部分 总则',
        '第一条 立法目的。为了规范管理，制定本条例。',
        '第二条 适用范围。本条例适用于本区。',
        '第二部分：附则',
        '第三条 施行日期。本条例自公布之日起施行。',
      ].join('\n'),
      'rules',
    );
    expect(doc.title).toBe('某区条例草案');
    expect(doc.parts.map((part) => [part.number, part.title, part.articleNumbers])).toEqual([
      [1, '总则', [1, 2]],
      [2, '附则', [3]],
    ]);
    expect(doc.articles.map((article) => [article.number, article.title, article.text])).toEqual([
      [1, '立法目的', '立法目的。为了规范管理，制定本条例。'],
      [2, '适用范围', '适用范围。本条例适用于本区。'],
      [3, '施行日期', '施行日期。本条例自公布之日起施行。'],
    ]);
  });

  it('keeps a paragraph opening with 全市 in its article or part introduction when more structure follows', () => {
    const doc = parsePlan(
      [
        '某规划',
        '一、总体',
        '(1)甲项工作。正文。',
        '全市上下要统一思想。',
        '二、加强党的领导',
        '全市各级党组织要发挥作用。',
        '(2)乙项工作。正文。',
        '乙项第二段。',
        '全市上下要团结奋斗。',
      ].join('\n'),
      'closing',
    );
    expect(doc.articles[0]?.text).toBe('甲项工作。正文。\n全市上下要统一思想。');
    expect(doc.parts[1]?.intro).toBe('全市各级党组织要发挥作用。');
    expect(doc.articles[1]?.text).toBe('乙项工作。正文。\n乙项第二段。');
    expect(doc.closing).toBe('全市上下要团结奋斗。');
  });

  it('does not take a long body line that starts with 一、 for a part heading', () => {
    const longLine = `一、${'加快推进各项工作，'.repeat(10)}确保取得实效。`;
    const doc = parsePlan(
      ['规划', '一、总体', '(1)甲项工作。正文。', longLine, '二、任务', '(2)乙项工作。正文。'].join(
        '\n',
      ),
      'long',
    );
    expect(doc.parts).toHaveLength(2);
    expect(doc.articles[0]?.text.endsWith(longLine)).toBe(true);
  });
});

describe('parsePlan refuses malformed documents, naming the line', () => {
  it('a document without part headings', () => {
    const error = parseError(
      page(['某规划', '总的说明。', '(1)第一项。正文。', '(2)第二项。正文。']),
    );
    // Line 5 of the file is the first article, which has no part to belong to.
    expect(error.lineNumber).toBe(5);
    expect(error.message).toContain('line 5');
  });

  it('a document with neither part headings nor articles', () => {
    const error = parseError(page(['某规划', '只有正文一段。', '还有正文二段。']));
    expect(error.lineNumber).toBe(3);
    expect(error.message).toContain('line 3');
  });

  it('an article number that skips (1), (2), (4)', () => {
    const error = parseError(
      page(['某规划', '一、总体', '(1)甲。正文。', '(2)乙。正文。', '(4)丁。正文。']),
    );
    expect(error.lineNumber).toBe(9);
    expect(error.message).toContain('line 9');
    expect(error.message).toContain('(4)');
  });

  it('an article number that repeats', () => {
    const error = parseError(
      ['某规划', '一、总体', '(1)甲。正文。', '(2)乙。正文。', '(2)丙。正文。'].join('\n'),
    );
    expect(error.lineNumber).toBe(5);
    expect(error.message).toContain('line 5');
  });

  it('parts out of order', () => {
    const error = parseError(
      page(['某规划', '一、总体', '(1)甲。正文。', '三、任务', '(2)乙。正文。']),
    );
    expect(error.lineNumber).toBe(7);
    expect(error.message).toContain('line 7');
    expect(error.message).toContain('三、任务');
  });

  it('an article without a title sentence', () => {
    const error = parseError(
      ['某规划', '一、总体', `(1)${'没有句号的很长一段话'.repeat(10)}`].join('\n'),
    );
    expect(error.lineNumber).toBe(3);
    expect(error.message).toContain('line 3');
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', ' \n\n\t\n'],
    ['a file holding only page chrome', 'A+ A-\n\n相关推荐\n视频号\n'],
  ])('%s', (_name, source) => {
    const error = parseError(source);
    expect(error.message).toContain('empty');
  });
});
