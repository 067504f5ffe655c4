import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { fillTemplate } from '../../core/fill-template.ts';
import { documentText } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE, dataFile } from '../../ingest/project-paths.ts';
import { absenceNoteReader } from '../../evals/absence-notes.ts';
import {
  answerLength,
  createAbsenceNoteReader,
  falseAbsences,
  firstQuoteHoldsFact,
  median,
  quoteCount,
  quoteFactShare,
  quoteHoldsFact,
} from '../../evals/metrics/quote-metrics.ts';

let doc: PlanDocument;
let text: string;
beforeAll(() => {
  doc = parsePlan(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), 'wuhai');
  text = documentText(doc);
});

const quote = (article: number, passage: string) => ({ article, quote: passage });

describe('quotes that hold a key fact', () => {
  const quotes = [
    quote(12, '扩大新能源装机规模,合理布局光储充一体化、源网荷储一体化项目'),
    quote(12, '推进绿电直连,积极承接先进绿色高载能产业转移'),
    quote(12, '发展氢能源产业,实施周边地区到乌海绿氢管道项目'),
  ];
  it('a quote holds a fact regardless of width, punctuation and whitespace', () => {
    expect(quoteHoldsFact('推进绿电直连，积极承接', ['绿电直连,积极承接'])).toBe(true);
    expect(quoteHoldsFact('推进绿电直连', ['抽水蓄能'])).toBe(false);
    expect(quoteHoldsFact('推进绿电直连', [''])).toBe(false);
  });
  it('first quote: 1 when it holds a fact, 0 when a later one does or there is none, null without facts', () => {
    expect(firstQuoteHoldsFact(quotes, ['光储充一体化'])).toBe(1);
    expect(firstQuoteHoldsFact(quotes, ['绿电直连'])).toBe(0);
    expect(firstQuoteHoldsFact([], ['绿电直连'])).toBe(0);
    expect(firstQuoteHoldsFact(quotes, [])).toBeNull();
  });
  it('share: quotes holding any fact over all quotes; null without facts or quotes', () => {
    expect(quoteFactShare(quotes, ['绿电直连', '绿氢管道'])).toBeCloseTo(2 / 3, 10);
    expect(quoteFactShare(quotes, ['抽水蓄能'])).toBe(0);
    expect(quoteFactShare([], ['绿电直连'])).toBeNull();
    expect(quoteFactShare(quotes, [])).toBeNull();
  });
  it('quotes per answer counts the citations', () => {
    expect(quoteCount(quotes)).toBe(3);
    expect(quoteCount([])).toBe(0);
  });
});

describe('answer length', () => {
  it('counts characters (code points), not UTF-16 units', () => {
    expect(answerLength('推进绿电直连〔第12条〕')).toBe(12);
    expect(answerLength('𠮷')).toBe(1);
    expect(answerLength('')).toBe(0);
  });
  it('median of odd and even counts, null for none', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('false-absence notes', () => {
  const templates = JSON.parse(readFileSync(dataFile('answer-templates.json'), 'utf8')) as {
    staff: { notInDocument: string };
    citizen: { notInDocument: string };
  };
  const staffNote = (phrases: string) => fillTemplate(templates.staff.notInDocument, { phrases });
  const citizenNote = (phrases: string) =>
    fillTemplate(templates.citizen.notInDocument, { phrases });
  const read = () => absenceNoteReader();

  it('the whole document text covers the adoption note, preamble, part headings, articles and closing', () => {
    expect(text).toContain(doc.adoptionNote);
    expect(text).toContain('就制定乌海市国民经济和社会发展');
    expect(text).toContain('系统推进生态环境综合治理');
    expect(text).toContain('推进绿电直连');
    expect(text).toContain('不断书写中国式现代化乌海新篇章');
  });

  it('reads the phrases of both templates, several phrases at once, and nothing from other text', () => {
    expect(read()(`${staffNote('取暖')}\n“推动城区基本实现清洁供暖全覆盖”〔第23条〕`)).toEqual([
      '取暖',
    ]);
    expect(read()(`${citizenNote('暖气、看病')}\n“……”`)).toEqual(['暖气', '看病']);
    expect(
      read()('《建议》第23条“提升城市功能品质”提出：“推动城区基本实现清洁供暖全覆盖”'),
    ).toEqual([]);
  });

  it('counts a note only when the document does use the phrase (normalised)', () => {
    expect(falseAbsences(staffNote('取暖'), read(), text)).toEqual([]);
    expect(falseAbsences(staffNote('清洁供暖'), read(), text)).toEqual(['清洁供暖']);
    expect(falseAbsences(citizenNote('暖气、绿电 直连'), read(), text)).toEqual(['绿电 直连']);
    // Outside the articles too: the adoption note and the closing are the document.
    expect(falseAbsences(staffNote('全体会议'), read(), text)).toEqual(['全体会议']);
    expect(falseAbsences('没有任何说明', read(), text)).toEqual([]);
  });

  it('follows the templates it is given, not a hard-coded wording', () => {
    const other = createAbsenceNoteReader(['The plan never says "{phrases}" ({count} matches).']);
    expect(other('The plan never says "clean heating, 清洁供暖" (0 matches).')).toEqual([
      'clean heating',
      '清洁供暖',
    ]);
    expect(other(staffNote('取暖'))).toEqual([]);
    expect(() => createAbsenceNoteReader(['no placeholder'])).toThrow(/phrases/);
  });
});
