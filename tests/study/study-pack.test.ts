import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { usePlanApp } from '../helpers/test-app.ts';
import type { StudyPack } from '../../server/study/study-types.ts';

const plan = usePlanApp();

const articleText = (number: number) => articleByNumber(plan.built.index.document, number)!.text;

async function pack(body: object): Promise<StudyPack> {
  const response = await request(plan.app).post('/api/study').send(body).expect(200);
  return response.body as StudyPack;
}

function expectGrounded(studyPack: StudyPack): void {
  for (const item of studyPack.outline) {
    expect(item.points.length).toBeGreaterThan(0);
    for (const point of item.points) {
      expect(articleText(item.article)).toContain(point.quote);
      expect(point.citation.article).toBe(item.article);
      expect(articleText(point.citation.article)).toContain(point.citation.quote);
    }
  }
  for (const term of studyPack.keyTerms) {
    expect(term.quote).toContain(term.term);
    expect(articleText(term.article)).toContain(term.quote);
  }
  for (const question of studyPack.discussion) {
    expect(question.articles.length).toBeGreaterThan(0);
    for (const number of question.articles) expect(question.question).toContain(`第${number}条`);
  }
  for (const item of studyPack.quiz) {
    expect(articleText(item.article)).toContain(item.quote);
    expect(item.quote).toContain(item.answer);
    expect(articleText(item.article)).toContain(item.answer);
    expect(item.prompt).not.toContain(item.answer);
    if (item.type === 'multiple-choice') {
      expect(item.options).toHaveLength(4);
      expect(item.options).toContain(item.answer);
      expect(new Set(item.options).size).toBe(4);
      for (const distractor of item.options!.filter((option) => option !== item.answer)) {
        expect(distractor).not.toBe(item.answer);
        expect(articleText(item.article)).not.toContain(distractor);
      }
    }
  }
}

describe('POST /api/study', () => {
  it('builds a pack for part 三 from its three articles, every quote verbatim', async () => {
    const studyPack = await pack({ part: 3, questions: 8 });
    expect(studyPack.selection.articles).toEqual([7, 8, 9]);
    expect(studyPack.outline.map((item) => item.article)).toEqual([7, 8, 9]);
    expect(studyPack.title).toContain('第三部分');
    expect(studyPack.keyTerms.map((term) => term.term)).toContain('五区一河');
    expect(studyPack.quiz).toHaveLength(8);
    expect(studyPack.quiz.some((item) => item.type === 'multiple-choice')).toBe(true);
    expect(studyPack.quiz.some((item) => item.type === 'fill-blank')).toBe(true);
    expectGrounded(studyPack);
  });

  it('is deterministic: the same request gives the same pack', async () => {
    expect(await pack({ part: 8, questions: 10 })).toEqual(await pack({ part: 8, questions: 10 }));
    expect(await pack({ topic: '清洁供暖' })).toEqual(await pack({ topic: '清洁供暖' }));
  });

  it('covers named articles in order and spreads the quiz over them', async () => {
    const studyPack = await pack({ articles: [17, 12], questions: 4 });
    expect(studyPack.selection.articles).toEqual([12, 17]);
    expect(new Set(studyPack.quiz.map((item) => item.article))).toEqual(new Set([12, 17]));
    expectGrounded(studyPack);
  });

  it('finds the articles for a topic through retrieval', async () => {
    const studyPack = await pack({ topic: '固态电池' });
    expect(studyPack.selection.kind).toBe('topic');
    expect(studyPack.selection.articles).toContain(11);
    expectGrounded(studyPack);
  });

  it('exports Markdown with quotes and an answer key, and a printable HTML page', async () => {
    const markdown = await request(plan.app)
      .post('/api/study?format=markdown')
      .send({ part: 3 })
      .expect(200);
    expect(markdown.headers['content-type']).toContain('text/markdown');
    expect(markdown.text).toContain('# 第三部分');
    expect(markdown.text).toContain('〔第7条〕');
    expect(markdown.text).toContain('## 答案');
    const html = await request(plan.app)
      .post('/api/study?format=html')
      .send({ part: 3 })
      .expect(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('@media print');
    expect(html.text).not.toContain('<script');
  });

  it('rejects requests without exactly one selection, and unknown parts, articles or topics', async () => {
    for (const body of [
      {},
      { part: 3, topic: '就业' },
      { part: 11 },
      { articles: [] },
      { articles: [40] },
      { topic: '' },
      { part: 3, questions: 31 },
      { part: '3' },
      { part: 3, extra: true },
    ]) {
      const response = await request(plan.app).post('/api/study').send(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('invalid_request');
    }
    const offTopic = await request(plan.app).post('/api/study').send({ topic: '红烧羊肉的做法' });
    expect(offTopic.status).toBe(404);
    expect(offTopic.body.error.message).toContain('没有');
    const badFormat = await request(plan.app).post('/api/study?format=pdf').send({ part: 3 });
    expect(badFormat.status).toBe(400);
  });
});
