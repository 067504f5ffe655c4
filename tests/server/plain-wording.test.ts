import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { usePlanApp } from '../helpers/test-app.ts';

const plan = usePlanApp();

async function ask(message: string, mode: string) {
  return (await request(plan.app).post('/api/chat').send({ message, mode }).expect(200)).body;
}

describe('answers to everyday words the plan does not use', () => {
  it('say that the plan has no such word before quoting its nearest wording', async () => {
    const body = await ask('冬天取暖有什么打算？', 'citizen');
    expect(body.answered).toBe(true);
    expect(body.answer.split('\n')[0]).toContain('“取暖”');
    expect(body.citations.map((citation: { article: number }) => citation.article)).toContain(23);
    expect(plan.built.index.document.articles[22]!.text).not.toContain('取暖');
  });

  it('say nothing of the kind when the cited article uses the word itself', async () => {
    expect(plan.built.index.document.articles[26]!.text).toContain('看病');
    const body = await ask('看病方面有什么新变化？', 'staff');
    expect(body.answer).not.toContain('“看病”');
    expect(body.citations.map((citation: { article: number }) => citation.article)).toContain(27);
  });

  it('lead with the sentence on the everyday word’s subject, not the opening of an article whose title shares a word', async () => {
    // 保障 is in 第28条's title (构筑多层次社会保障体系), but the question is about 退伍 → 退役军人.
    const body = await ask('退伍好些年了，我们这些老兵有啥保障？', 'staff');
    expect(body.citations[0]?.quote).toContain('退役军人');
  });
});
