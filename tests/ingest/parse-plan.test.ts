import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { readSource } from '../helpers/plan-index.ts';

/** Part titles exactly as the source file prints them (half-width commas, curly quotes). */
const PART_TITLES = [
  '抢抓机遇、克难奋进,在中国式现代化建设中闯新路、促转型',
  '铸牢中华民族共同体意识,推进中华民族共同体建设',
  '坚持生态优先、绿色发展,系统推进生态环境综合治理',
  '加快绿色转型,构建小而精、小而强的现代化产业体系',
  '突出创新驱动,全面塑造发展新优势',
  '深化改革开放,增强高质量发展动力',
  '促进城乡融合,建设小而美、小而优的精品城市',
  '增进民生福祉,扎实推动共同富裕',
  '统筹发展和安全,建设更高水平平安乌海',
  '加强党的全面领导和党的建设,为实现“十五五”规划提供坚强保证',
];

/** Which articles each part holds, read off the source file. */
const ARTICLES_BY_PART: Record<number, number[]> = {
  1: [1, 2, 3],
  2: [4, 5, 6],
  3: [7, 8, 9],
  4: [10, 11, 12, 13],
  5: [14, 15, 16, 17],
  6: [18, 19, 20, 21],
  7: [22, 23, 24],
  8: [25, 26, 27, 28, 29],
  9: [30, 31, 32],
  10: [33, 34, 35, 36],
};

const MAIN_GOAL_HEADLINES = [
  '中华民族共同体建设深入推进',
  '生态环境质量明显改善',
  '高质量发展取得显著成效',
  '科技创新能力持续增强',
  '改革开放活力充分彰显',
  '社会文明程度大幅提升',
  '人民生活品质不断提高',
  '平安乌海建设更加稳固',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('parsePlan on the Wuhai proposal', () => {
  let source: string;
  let doc: PlanDocument;

  beforeAll(async () => {
    source = await readSource();
    doc = parsePlan(source, 'wuhai');
  });

  it('reads the title and the adoption note from the first line', () => {
    expect(doc.id).toBe('wuhai');
    expect(doc.title).toBe('乌海市委关于制定国民经济和社会发展第十五个五年规划的建议');
    expect(doc.adoptionNote).toBe(
      '二〇二五年十一月二十五日中国共产党乌海市第八届委员会第十次全体会议通过',
    );
  });

  it('finds the 10 parts with their exact titles', () => {
    expect(doc.parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(doc.parts.map((part) => part.title)).toEqual(PART_TITLES);
    expect(doc.parts[7]?.title).toBe('增进民生福祉,扎实推动共同富裕');
  });

  it('keeps each part introduction (part 1 has none, part 8 opens with 坚持尽力而为)', () => {
    expect(doc.parts[0]?.intro).toBe('');
    expect(doc.parts[7]?.intro.startsWith('坚持尽力而为、量力而行')).toBe(true);
    for (const part of doc.parts.slice(1)) expect(part.intro.length).toBeGreaterThan(20);
  });

  it('reads the preamble before the first part', () => {
    expect(doc.preamble.startsWith('为深入贯彻党的二十届四中全会精神')).toBe(true);
    expect(doc.preamble).not.toContain('一、');
  });

  it('finds 36 articles numbered 1..36', () => {
    expect(doc.articles.map((article) => article.number)).toEqual(
      Array.from({ length: 36 }, (_, index) => index + 1),
    );
  });

  it.each([
    [1, '“十四五”时期乌海发展取得新成就'],
    [2, '“十五五”时期乌海发展面临新机遇新挑战'],
    [3, '“十五五”时期经济社会发展的总体要求和主要目标'],
    [12, '优化能源消费结构'],
    [16, '打造应用场景'],
    [25, '促进高质量充分就业'],
    [27, '建设健康乌海'],
    [28, '构筑多层次社会保障体系'],
    [30, '维护国家政治安全'],
    [36, '确保规划建议目标任务落到实处'],
  ])('article %i is titled %s', (number, title) => {
    expect(articleByNumber(doc, number)?.title).toBe(title);
  });

  it('assigns every article to the part it is printed under', () => {
    for (const [part, numbers] of Object.entries(ARTICLES_BY_PART)) {
      expect(partByNumber(doc, Number(part))?.articleNumbers).toEqual(numbers);
      for (const number of numbers) expect(doc.articles[number - 1]?.partNumber).toBe(Number(part));
    }
  });

  it('takes each article text verbatim from the source, right after its (N) marker', () => {
    for (const article of doc.articles) {
      const paragraphs = article.text.split('\n');
      expect(article.text.startsWith(`${article.title}。`)).toBe(true);
      // The first paragraph is the rest of its marker's source line; every further paragraph is a whole source line.
      const sourceLines = source.split(/\r?\n/).map((line) => line.trim());
      expect(sourceLines).toContain(`(${article.number})${paragraphs[0]}`);
      for (const paragraph of paragraphs.slice(1)) expect(sourceLines).toContain(paragraph);
      // Paragraphs are contiguous in the source, separated only by line breaks (the blank lines become one \n).
      const contiguous = new RegExp(paragraphs.map(escapeRegExp).join('(?:[ \\t]*\\r?\\n)+'));
      expect(contiguous.test(source)).toBe(true);
      if (paragraphs.length === 1) expect(source).toContain(article.text);
    }
  });

  it('ends each article where the next marker or part heading begins', () => {
    expect(doc.articles[2]?.text).toContain('今后五年全市经济社会发展的主要目标是:');
    expect(doc.articles[2]?.text).not.toContain('二、铸牢中华民族共同体意识');
    expect(doc.articles[11]?.text).not.toContain('做强现代服务业');
    expect(doc.articles[35]?.text).not.toContain('全市各级党组织');
  });

  it('labels the 8 main goals of article 3 with their headlines', () => {
    expect(doc.mainGoals).toHaveLength(8);
    expect(doc.mainGoals.map((goal) => goal.label)).toEqual(MAIN_GOAL_HEADLINES);
    const article3 = doc.articles[2]!;
    for (const goal of doc.mainGoals) {
      expect(goal.kind).toBe('main-goal');
      expect(goal.articleNumber).toBe(3);
      expect(goal.text.startsWith(`——${goal.label}。`)).toBe(true);
      expect(article3.text.slice(goal.start, goal.end)).toBe(goal.text);
    }
  });

  it('finds the 2035 vision inside article 3', () => {
    const vision = doc.vision2035;
    expect(vision).not.toBeNull();
    expect(vision?.kind).toBe('vision-2035');
    expect(vision?.articleNumber).toBe(3);
    expect(vision?.text.startsWith('在此基础上再奋斗五年,到二〇三五年')).toBe(true);
    expect(doc.articles[2]?.text.slice(vision!.start, vision!.end)).toBe(vision?.text);
  });

  it('keeps the closing paragraph out of article 36', () => {
    expect(doc.closing.startsWith('全市各级党组织')).toBe(true);
    expect(doc.closing.endsWith('不断书写中国式现代化乌海新篇章!')).toBe(true);
    expect(source).toContain(doc.closing);
  });

  it('leaves no page chrome anywhere in the parsed document', () => {
    const everything = JSON.stringify(doc);
    for (const chrome of [
      'A+ A-',
      'A+',
      '编辑:',
      '编辑：',
      '乌海日报',
      '2025-12-08',
      '12:20:03',
      '相关推荐',
      '视频号',
      '融媒矩阵',
      '抖音',
      '快手',
      '微博',
    ]) {
      expect(everything).not.toContain(chrome);
    }
  });

  it('accepts the same document with Windows line endings and a byte-order mark', () => {
    const crlf = parsePlan(`\uFEFF${source.replace(/\n/g, '\r\n')}`, 'wuhai');
    expect(crlf).toEqual(doc);
  });
});
