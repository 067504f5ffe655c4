import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';
import { answerMarker } from '../../evals/answer-marker.ts';
import {
  citationPrecision,
  citationRecall,
  citationValidity,
  factsFound,
  unsupportedNumbers,
} from '../../evals/metrics/answer-metrics.ts';
import { checkThresholds } from '../../evals/check-thresholds.ts';
import { summarize, summarizeByCategory, summarizeByHalf } from '../../evals/summarize.ts';
import type { ItemResult } from '../../evals/evaluate-item.ts';

let doc: PlanDocument;
beforeAll(() => {
  doc = parsePlan(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), 'wuhai');
});

describe('citation validity', () => {
  it('is 1 when every quote is verbatim in its article (and for no citations at all)', () => {
    expect(
      citationValidity(
        [
          { article: 12, quote: '推进绿电直连' },
          { article: 7, quote: '确保黄河乌海段水质稳定在Ⅱ类' },
        ],
        doc,
      ),
    ).toBe(1);
    expect(citationValidity([], doc)).toBe(1);
  });
  it('is 0 for a quote from another article, a paraphrase, an unknown article or an empty quote', () => {
    expect(citationValidity([{ article: 11, quote: '推进绿电直连' }], doc)).toBe(0);
    expect(citationValidity([{ article: 12, quote: '推进绿色电力直接连接' }], doc)).toBe(0);
    expect(citationValidity([{ article: 40, quote: '推进绿电直连' }], doc)).toBe(0);
    expect(citationValidity([{ article: 12, quote: '' }], doc)).toBe(0);
  });
});

describe('citation precision and recall', () => {
  it('precision counts acceptable articles as correct and is null without citations', () => {
    expect(citationPrecision([28, 28, 27], [28], [27])).toBe(1);
    expect(citationPrecision([28, 3], [28])).toBe(0.5);
    expect(citationPrecision([3], [28])).toBe(0);
    expect(citationPrecision([], [28])).toBeNull();
  });
  it('recall counts only gold articles', () => {
    expect(citationRecall([25, 26], [25, 26])).toBe(1);
    expect(citationRecall([27], [28])).toBe(0);
    expect(citationRecall([25], [25, 28])).toBe(0.5);
    expect(citationRecall([25], [])).toBeNull();
  });
});

describe('key facts', () => {
  it('match regardless of width, punctuation and whitespace', () => {
    expect(
      factsFound('“推进绿电直连，提高绿电消费比例”〔第12条〕', [
        '绿电直连,提高绿电消费比例',
        '抽水蓄能',
      ]),
    ).toEqual([true, false]);
    expect(factsFound('水质稳定在Ⅱ类', ['Ⅱ 类'])).toEqual([true]);
    expect(factsFound('', ['绿电直连'])).toEqual([false]);
  });
});

describe('unsupported numbers', () => {
  const marker = answerMarker();
  it('reads the marker from data/answer-templates.json', () => {
    expect(marker.format(12)).toBe('〔第12条〕');
  });
  it('ignores citation markers and article references', () => {
    expect(unsupportedNumbers('第12条规定……〔第12条〕，见第8部分', [12], doc, marker)).toEqual([]);
    expect(unsupportedNumbers('见〔第12、13条〕和[第7条]', [12], doc, marker)).toEqual([]);
  });
  it('accepts numbers found in the cited articles and flags invented ones', () => {
    expect(
      unsupportedNumbers('2005年前建成的老旧小区全部改造完成〔第1条〕', [1], doc, marker),
    ).toEqual([]);
    expect(unsupportedNumbers('GDP目标为1200亿元〔第3条〕', [3], doc, marker)).toEqual(['1200']);
    expect(unsupportedNumbers('2005年〔第12条〕', [12], doc, marker)).toEqual(['2005']);
  });
  it('accepts counts of the document’s own parts and articles, but not other numbers without a source', () => {
    expect(unsupportedNumbers('《建议》正文共36条，分属10个部分。', [], doc, marker)).toEqual([]);
    expect(unsupportedNumbers('第八部分共5条。', [], doc, marker)).toEqual([]);
    expect(unsupportedNumbers('共分为11个部分。', [], doc, marker)).toEqual(['11']);
  });
  it('accepts how many articles the answer itself cites, and no other count', () => {
    const answer = '《建议》中有3条提到“养老”：…〔第18条〕…〔第21条〕…〔第28条〕';
    expect(unsupportedNumbers(answer, [18, 21, 28], doc, marker)).toEqual([]);
    expect(unsupportedNumbers(answer.replace('3条', '7条'), [18, 21, 28], doc, marker)).toEqual([
      '7',
    ]);
  });
  it('follows the marker it is given, not a hard-coded format', () => {
    const other = createCitationMarker('[ref {article}]');
    expect(unsupportedNumbers('见[ref 99]', [12], doc, other)).toEqual([]);
    expect(unsupportedNumbers('见[ref 99]', [12], doc, marker)).toEqual(['99']);
  });
});

function result(overrides: Partial<ItemResult>): ItemResult {
  return {
    id: 'x',
    category: 'staff',
    refusalKind: null,
    half: 'test',
    mode: 'staff',
    answerable: true,
    answered: true,
    ranked: [],
    hitAt1: 1,
    hitAt3: 1,
    hitAt5: 1,
    recallAt5: 1,
    mrr: 1,
    ndcgAt5: 1,
    citationValidity: 1,
    citationPrecision: 1,
    citationRecall: 1,
    factsTotal: 1,
    factsFound: 1,
    unsupportedNumbers: [],
    firstQuoteFact: 1,
    quoteFactShare: 1,
    quotes: 1,
    answerChars: 100,
    falseAbsences: [],
    premiseNoted: null,
    retrievalMs: 1,
    answerMs: 1,
    answer: '',
    cited: [],
    ...overrides,
  };
}

describe('summaries and the gate', () => {
  it('rejection and false refusal come from the right items', () => {
    const summary = summarize([
      result({ category: 'out_of_scope', answerable: false, answered: false, hitAt1: null }),
      result({ category: 'out_of_scope', answerable: false, answered: true, hitAt1: null }),
      result({ answered: false }),
      result({}),
    ]);
    expect(summary.outOfScopeRejection).toBe(0.5);
    expect(summary.falseRefusal).toBe(0.5);
    expect(summary.hitAt1).toBe(1);
  });
  it('refusal is counted per kind, and the weakest kind is the lowest share', () => {
    const unanswerable = (refusalKind: string, answered: boolean) =>
      result({ category: 'unanswerable', refusalKind, answerable: false, answered, hitAt1: null });
    const summary = summarize([
      unanswerable('realtime', false),
      unanswerable('realtime', false),
      unanswerable('errand', false),
      unanswerable('errand', true),
      result({ category: 'near_miss', answered: true }),
    ]);
    expect(summary.refusalByKind).toEqual({
      realtime: { n: 2, refused: 2 },
      errand: { n: 2, refused: 1 },
    });
    expect(summary.outOfScopeRejection).toBe(0.75);
    expect(summary.weakestKindRefusal).toBe(0.5);
    expect(summary.falseRefusal).toBe(0);
  });
  it('fact coverage pools facts across items; all-facts share counts complete items', () => {
    const summary = summarize([
      result({ factsTotal: 3, factsFound: 3 }),
      result({ factsTotal: 1, factsFound: 0 }),
      result({ factsTotal: 0, factsFound: 0 }),
    ]);
    expect(summary.factCoverage).toBe(0.75);
    expect(summary.allFactsShare).toBe(0.5);
  });
  it('the gate reports each metric below its threshold and nothing when all pass', () => {
    const thresholds = {
      hitAt1: 0.9,
      hitAt5: 0.98,
      citationValidity: 1,
      citationPrecision: 0.9,
      factCoverage: 0.85,
      outOfScopeRejection: 0.95,
      falseRefusalMax: 0.05,
      unsupportedNumbersMax: 0,
      falseAbsenceNotesMax: 0,
      firstQuoteFact: 0.6,
      quoteFactShare: 0.6,
    };
    const good = summarize([
      result({}),
      result({ category: 'out_of_scope', answerable: false, answered: false }),
    ]);
    expect(checkThresholds(good, thresholds)).toEqual([]);
    const bad = summarize([
      result({
        hitAt1: 0,
        citationValidity: 0,
        unsupportedNumbers: ['7'],
        falseAbsences: ['清洁供暖'],
        firstQuoteFact: 0,
        quoteFactShare: 0,
      }),
      result({ category: 'out_of_scope', answerable: false, answered: true }),
    ]);
    const failures = checkThresholds(bad, thresholds).join('\n');
    expect(failures).toContain('hit@1');
    expect(failures).toContain('citation validity');
    expect(failures).toContain('out-of-scope rejection');
    expect(failures).toContain('unsupported numbers');
    expect(failures).toContain('not in the document');
    expect(failures).toContain('first quote holds a key fact');
    expect(failures).toContain('share of quotes holding a key fact');
  });
  it('quote metrics average over the items they apply to; lengths are medians per mode of answered items', () => {
    const summary = summarize([
      result({ firstQuoteFact: 1, quoteFactShare: 0.5, quotes: 2, answerChars: 100 }),
      result({ firstQuoteFact: 0, quoteFactShare: null, quotes: 0, answerChars: 300 }),
      result({ firstQuoteFact: null, quoteFactShare: null, quotes: 4, answerChars: 200 }),
      result({ mode: 'citizen', quotes: 3, answerChars: 80 }),
      result({ mode: 'citizen', answered: false, quotes: 0, answerChars: 20 }),
    ]);
    expect(summary.firstQuoteFact).toBe(0.75);
    expect(summary.quoteFactShare).toBeCloseTo(2.5 / 3, 10);
    expect(summary.quotesPerAnswer).toBe(9 / 4);
    expect(summary.medianAnswerChars).toEqual({ staff: 200, citizen: 80, trainer: null });
    expect(summary.answeredShare).toBe(4 / 5);
    expect(summary.falseAbsenceNotes).toBe(0);
    expect(summarize([result({ falseAbsences: ['a', 'b'] }), result({})]).falseAbsenceNotes).toBe(
      1,
    );
  });
  it('halves summarise their own items, overall and per category', () => {
    const halves = summarizeByHalf([
      result({ half: 'dev', hitAt1: 0 }),
      result({ half: 'test', hitAt1: 1 }),
      result({ half: 'test', category: 'structure', hitAt1: 0 }),
    ]);
    expect(halves.dev.overall?.n).toBe(1);
    expect(halves.dev.overall?.hitAt1).toBe(0);
    expect(halves.test.overall?.n).toBe(2);
    expect(halves.test.overall?.hitAt1).toBe(0.5);
    expect(halves.test.structure?.hitAt1).toBe(0);
    expect(halves.dev.structure).toBeUndefined();
    expect(Object.keys(summarizeByCategory([result({})]))).toEqual(['overall', 'staff']);
  });
});
