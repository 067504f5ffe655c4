import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerMarker } from '../../evals/answer-marker.ts';
import { answerQuotes, textOutsideArticles } from '../../evals/metrics/answer-quotes.ts';
import { firstQuoteHoldsFact } from '../../evals/metrics/quote-metrics.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';

const doc = parsePlan(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), 'wuhai');
const outside = textOutsideArticles(doc);
const marker = answerMarker();
const part3 = doc.parts[2]!.title;

describe('the quotes of an answer, in reading order', () => {
  it('the adoption note quoted on its own line is the answer’s first quote', () => {
    const answer = `《建议》标题下的题注是：\n“${doc.adoptionNote}”`;
    const quotes = answerQuotes(answer, [], outside, marker);
    expect(quotes).toEqual([{ quote: doc.adoptionNote, article: null }]);
    expect(firstQuoteHoldsFact(quotes, ['二〇二五年十一月二十五日'])).toBe(1);
  });

  it('a part heading that ends a line comes before the citations of the lines after it', () => {
    const answer = [
      `第三部分的标题是：“${part3}”`,
      '第三部分共3条（第7条至第9条）：',
      `第7条：“打好污染防治攻坚战。”${marker.format(7)}`,
    ].join('\n');
    const citations = [{ article: 7, quote: '打好污染防治攻坚战。' }];
    expect(answerQuotes(answer, citations, outside, marker)).toEqual([
      { quote: part3, article: null },
      { quote: '打好污染防治攻坚战。', article: 7 },
    ]);
  });

  it('titles quoted inside a lead line, and quotes the document does not hold outside its articles, are not quotes', () => {
    const lead = `第12条“优化能源消费结构”（第四部分“${doc.parts[3]!.title}”）的主要内容：`;
    const invented = '规划里写着：“每户发五千元取暖补贴”';
    const articleText = `第7条说：“坚决完成中央生态环保督察反馈问题整改,深化集中整治,做实长效治理。”`;
    for (const line of [lead, invented, articleText])
      expect(answerQuotes(line, [], outside, marker)).toEqual([]);
  });
});
