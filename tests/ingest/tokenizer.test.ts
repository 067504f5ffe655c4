import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../../ingest/project-paths.ts';
import { isStopword, segment, tokenize } from '../../ingest/tokenizer.ts';
import { readSource } from '../helpers/plan-index.ts';

/** The terms of a term-list data file (no blank, # comment or [group] heading lines), read independently of the tokenizer's own reader. */
async function dataLines(...segments: string[]): Promise<string[]> {
  return (await readFile(dataFile(...segments), 'utf8'))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !/^\[.*\]$/.test(line));
}

const KEPT_WHOLE = [
  '铸牢中华民族共同体意识',
  '五区一河',
  '新质生产力',
  '固态电池',
  '可降解新材料',
  '四水四定',
  '源网荷储',
  '绿电直连',
  '枫桥经验',
  '包银高铁',
];

describe('segment with the plan dictionary', () => {
  let source: string;
  let planTerms: string[];

  beforeAll(async () => {
    source = await readSource();
    planTerms = await dataLines('dict', 'plan-terms.txt');
  });

  it.each(KEPT_WHOLE)('keeps %s whole where the document uses it', (term) => {
    const at = source.indexOf(term);
    expect(at).toBeGreaterThanOrEqual(0);
    // The sentence around the term, as the document writes it: no token may cut through the term.
    const context = source.slice(Math.max(0, at - 20), at + term.length + 20);
    expect(segment(context).some((token) => token.includes(term))).toBe(true);
  });

  it.each(KEPT_WHOLE)('keeps %s whole in a new sentence', (term) => {
    expect(segment(`我想了解${term}的情况`)).toContain(term);
  });

  it('uses only plan terms that occur verbatim in the document', () => {
    expect(planTerms.length).toBeGreaterThan(100);
    const missing = planTerms.filter((term) => !source.includes(term));
    expect(missing).toEqual([]);
  });

  it('segments every plan term as a single word', () => {
    const split = planTerms.filter(
      (term) => segment(term).join('|') !== term.normalize('NFKC').toLowerCase(),
    );
    expect(split).toEqual([]);
  });
});

describe('tokenize for ranking', () => {
  it('drops stopwords and punctuation', () => {
    const tokens = tokenize('乌海的新质生产力是什么？怎么发展，有哪些措施！');
    expect(tokens).toContain('新质生产力');
    expect(tokens).toContain('乌海');
    for (const dropped of ['的', '是', '什么', '怎么', '哪些', '？', '，', '！'])
      expect(tokens).not.toContain(dropped);
  });

  it('yields nothing for punctuation and stopwords alone', () => {
    expect(tokenize('，。、；：？！“”（）——')).toEqual([]);
    expect(tokenize('的 了 和 是 在 什么')).toEqual([]);
  });

  it('never yields a stopword or a punctuation token for the whole document', async () => {
    const stopwords = await dataLines('dict', 'stopwords.txt');
    expect(stopwords.length).toBeGreaterThan(20);
    const tokens = tokenize(await readSource());
    expect(tokens.length).toBeGreaterThan(3000);
    const stopwordSet = new Set(stopwords);
    expect(tokens.filter((token) => stopwordSet.has(token))).toEqual([]);
    expect(tokens.filter((token) => !/[\p{L}\p{N}]/u.test(token))).toEqual([]);
    for (const stopword of ['的', '和', '什么']) expect(isStopword(stopword)).toBe(true);
    expect(isStopword('固态电池')).toBe(false);
  });

  it('also yields the sub-words of a long word, so 清洁供暖 matches 供暖', () => {
    const tokens = tokenize('推动城区基本实现清洁供暖全覆盖');
    expect(tokens).toContain('供暖');
  });

  it.each([
    ['ＢＤＯ产业，２０３５年（十五五）', 'BDO产业,2035年(十五五)'],
    ['ＥＯＤ模式：防沙治沙！', 'EOD模式:防沙治沙!'],
    ['第（１２）条讲什么？', '第(12)条讲什么?'],
  ])('tokenises full-width %s like half-width %s', (fullWidth, halfWidth) => {
    expect(tokenize(fullWidth)).toEqual(tokenize(halfWidth));
    expect(segment(fullWidth)).toEqual(segment(halfWidth));
    expect(tokenize(halfWidth).length).toBeGreaterThan(0);
  });

  it('lower-cases Latin letters so BDO and bdo match', () => {
    expect(tokenize('BDO')).toEqual(tokenize('bdo'));
    expect(tokenize('ＢＤＯ')).toEqual(['bdo']);
  });
});
