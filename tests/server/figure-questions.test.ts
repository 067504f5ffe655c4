import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { usePlanApp } from '../helpers/test-app.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';

const noFigure = loadAnswerPolicy().templates.fill('refusal.noFigure');

const plan = usePlanApp();

async function ask(message: string) {
  return (await request(plan.app).post('/api/chat').send({ message, mode: 'staff' }).expect(200))
    .body;
}

const cited = (body: { citations: Array<{ article: number }> }) =>
  body.citations.map((citation) => citation.article);

describe('questions that ask for a figure', () => {
  it('a count the plan gives is answered with it', async () => {
    const body = await ask('乌海要打造几个产业集群？');
    expect(body.answered).toBe(true);
    expect(body.answer).toContain('两个产业集群');
    expect(cited(body)).toContain(11);
  });

  it('an amount of money is not answered by a count: 两个产业集群 is no 多少亿', async () => {
    const body = await ask('固态电池产业集群计划总投资多少亿元？');
    expect(body.answered).toBe(false);
    expect(body.answer.split('\n')[0]).toBe(noFigure);
  });

  it('a date beside another subject in the same sentence does not date this one', async () => {
    // 第1条: …2005年前建成的老旧小区全部改造完成,…,包银高铁乌海段全线贯通,…
    const body = await ask('包银高铁乌海段是哪年贯通的？');
    expect(body.answered).toBe(false);
    expect(body.answer.split('\n')[0]).toBe(noFigure);
    expect(cited(body)).toEqual([1]);
    expect(body.answer).toContain('包银高铁乌海段全线贯通');
  });
});
