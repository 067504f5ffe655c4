import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { usePlanApp } from '../helpers/test-app.ts';

const plan = usePlanApp();

async function askAfter(first: string, message: string, mode = 'staff') {
  const earlier = (
    await request(plan.app).post('/api/chat').send({ message: first, mode }).expect(200)
  ).body;
  const history = [
    { role: 'user', content: first },
    { role: 'assistant', content: earlier.answer },
  ];
  const body = (
    await request(plan.app).post('/api/chat').send({ message, history, mode }).expect(200)
  ).body;
  return {
    earlier,
    body,
    cited: [...new Set(body.citations.map((citation: { article: number }) => citation.article))],
  };
}

describe('follow-ups that point back at the article just cited', () => {
  it.each(['staff', 'citizen', 'trainer'])(
    '这一条还讲了什么 after 第7条 stays with 第7条 (%s)',
    async (mode) => {
      const { earlier, body, cited } = await askAfter('第7条讲什么？', '这一条还讲了什么', mode);
      expect(
        earlier.citations.every((citation: { article: number }) => citation.article === 7),
      ).toBe(true);
      expect(body.answered).toBe(true);
      expect(cited).toEqual([7]);
    },
  );

  it('具体呢 after a citizen question about heating quotes the heating sentence of the same article', async () => {
    const { earlier, body, cited } = await askAfter('冬天取暖有什么打算？', '具体呢', 'citizen');
    const earlierArticles = new Set(
      earlier.citations.map((citation: { article: number }) => citation.article),
    );
    expect(cited.every((article) => earlierArticles.has(article as number))).toBe(true);
    expect(body.answer).toContain('清洁供暖');
  });

  it('a follow-up with a subject of its own still searches the whole plan', async () => {
    const { cited } = await askAfter('第7条讲什么？', '那这个养老服务方面呢', 'staff');
    expect(cited).toContain(28);
  });
});
