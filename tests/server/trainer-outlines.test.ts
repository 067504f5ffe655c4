import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { usePlanApp } from '../helpers/test-app.ts';

const plan = usePlanApp();

async function ask(message: string): Promise<ChatResponse> {
  return (await request(plan.app).post('/api/chat').send({ message, mode: 'trainer' }).expect(200))
    .body as ChatResponse;
}

/** The article numbers of an outline's headings (一、第7条 …), in the order they appear. */
const headings = (answer: string) =>
  [...answer.matchAll(/^[一二三四五六七八九十]+、第(\d+)条/gmu)].map((match) => Number(match[1]));

/** Where each quoted point stands in its article's text. */
function positions(body: ChatResponse, article: number): number[] {
  const text = plan.built.index.document.articles[article - 1]!.text;
  return body.citations
    .filter((citation) => citation.article === article)
    .map((citation) => text.indexOf(citation.quote));
}

const ascending = (values: number[]) =>
  values.every((value, i) => i === 0 || value > values[i - 1]!);

describe('trainer outlines follow the document', () => {
  it('a part’s articles come in their order, each article’s points in the order it makes them', async () => {
    const body = await ask('生态环境那部分讲了哪几条？');
    expect(headings(body.answer)).toEqual([7, 8, 9]);
    for (const article of [7, 8, 9]) {
      const found = positions(body, article);
      expect(found.every((position) => position >= 0)).toBe(true);
      expect(ascending(found)).toBe(true);
    }
  });

  it('each heading quotes its article’s title in the document’s words, cited to the article', async () => {
    const body = await ask('第八部分讲了哪些内容？');
    const headingLines = body.answer
      .split('\n')
      .filter((line) => /^[一二三四五六七八九十]+、第\d+条/u.test(line));
    expect(headingLines).toHaveLength(5);
    for (const [index, line] of headingLines.entries()) {
      const article = plan.built.index.document.articles[24 + index]!;
      expect(line).toContain(`“${article.title}`);
      expect(line.endsWith(`〔第${article.number}条〕`)).toBe(true);
    }
    expect(
      body.citations.filter((citation) => citation.quote.startsWith('促进高质量充分就业')),
    ).toHaveLength(1);
  });

  it('as many points as the trainer asks for, from the article’s opening', async () => {
    const body = await ask('我要给新入职的同事讲第十七条人才支撑，帮我概括三点');
    const points = body.answer.split('\n').filter((line) => line.startsWith('· '));
    expect(points).toHaveLength(3);
    expect(points[0]).toContain('人才强市');
  });

  it('a request for concrete plans in a part quotes them, not the part’s opening', async () => {
    const body = await ask('讲第八部分的时候，里面有哪些具体计划可以介绍？');
    expect(body.citations.some((citation) => citation.quote.includes('计划'))).toBe(true);
  });
});
