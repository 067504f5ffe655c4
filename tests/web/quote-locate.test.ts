// Which part of an article the article panel highlights for a cited quote.
import { describe, expect, it } from 'vitest';
import { locateQuote, locateQuotes, type Range } from '../../web/src/quote-locate.ts';

// Article 12 verbatim from data/wuhai-15th-fyp-proposal.txt: the source writes half-width commas and brackets.
const ARTICLE_12 =
  '优化能源消费结构。扩大新能源装机规模,合理布局光储充一体化、源网荷储一体化项目。推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。推进绿电直连,积极承接先进绿色高载能产业转移,完善引导重点用能行业企业使用绿电激励政策,打通跨区域绿电输送通道,打造零碳工厂和园区,提高绿电消费比例。加强调峰能力建设,优化电网网架结构,加快虚拟电厂、智能微电网等技术应用。发展氢能源产业,实施周边地区到乌海绿氢管道项目,推进氢能“制、储、运、用”全链条发展。';

/** The highlighted text. */
const marked = (range: Range | null): string | null =>
  range ? ARTICLE_12.slice(range.start, range.end) : null;

describe('locateQuote: highlighting a cited quote', () => {
  it('highlights an exact quote exactly', () => {
    const quote = '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设。';
    const range = locateQuote(ARTICLE_12, quote);
    expect(range).toEqual({
      start: ARTICLE_12.indexOf(quote),
      end: ARTICLE_12.indexOf(quote) + quote.length,
    });
  });

  it('highlights the source wording when the quote uses full-width punctuation and spaces', () => {
    expect(marked(locateQuote(ARTICLE_12, '扩大新能源装机规模，合理布局光储充一体化'))).toBe(
      '扩大新能源装机规模,合理布局光储充一体化',
    );
    expect(marked(locateQuote(ARTICLE_12, '推进氢能 「制、储、运、用」 全链条发展'))).toBe(
      '推进氢能“制、储、运、用”全链条发展',
    );
  });

  it('highlights a quote that ends with other punctuation than the source', () => {
    expect(marked(locateQuote(ARTICLE_12, '合理布局光储充一体化、源网荷储一体化项目；'))).toBe(
      '合理布局光储充一体化、源网荷储一体化项目',
    );
  });

  it('highlights the longest piece of a quote shortened with an ellipsis', () => {
    expect(marked(locateQuote(ARTICLE_12, '推进绿电直连……打通跨区域绿电输送通道'))).toBe(
      '打通跨区域绿电输送通道',
    );
    expect(marked(locateQuote(ARTICLE_12, '推进绿电直连...打通跨区域绿电输送通道'))).toBe(
      '打通跨区域绿电输送通道',
    );
  });

  it('highlights the whole sentence a paraphrase comes from', () => {
    expect(marked(locateQuote(ARTICLE_12, '加快建设虚拟电厂和智能微电网等技术应用'))).toBe(
      '加强调峰能力建设,优化电网网架结构,加快虚拟电厂、智能微电网等技术应用。',
    );
  });

  it('highlights nothing for a quote the article does not contain', () => {
    expect(locateQuote(ARTICLE_12, '全面推进乡村振兴,加快农业农村现代化')).toBeNull();
    expect(locateQuote(ARTICLE_12, '  ')).toBeNull();
  });
});

describe('locateQuotes: several quotes in one article', () => {
  it('merges overlapping quotes into one highlight and keeps separate ones apart, in reading order', () => {
    const ranges = locateQuotes(ARTICLE_12, [
      '发展氢能源产业',
      '推动新型储能发展,加快抽水蓄能电站',
      '加快抽水蓄能电站、独立储能等项目建设',
    ]);
    expect(ranges.map(marked)).toEqual([
      '推动新型储能发展,加快抽水蓄能电站、独立储能等项目建设',
      '发展氢能源产业',
    ]);
  });

  it('merges quotes that touch and drops quotes it cannot place', () => {
    const ranges = locateQuotes(ARTICLE_12, [
      '优化能源消费结构。',
      '扩大新能源装机规模',
      '乡村振兴战略全面推进',
    ]);
    expect(ranges.map(marked)).toEqual(['优化能源消费结构。扩大新能源装机规模']);
  });
});
