import { afterAll, beforeAll, it } from 'vitest';
import request from 'supertest';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';
import { createTestApp } from '../helpers/test-app.ts';
let built: BuiltIndex;
beforeAll(async () => { built = await buildPlanIndex(); });
afterAll(async () => { await built.cleanup(); });
it('probe', async () => {
  const { app } = await createTestApp({ built });
  for (let n = 0; n < 4; n++) {
    const s = await request(app).post('/api/chat').send({ message: '黄河乌海段水质要稳定在什么类别？', mode: 'staff' });
    const r = await request(app).get('/api/search').query({ q: '黄河乌海段水质要稳定在什么类别？' });
    console.log(n, s.body.citations.map((x:any)=>x.article), JSON.stringify(r.body.results.map((x:any)=>[x.article, x.score.toFixed(3)])));
  }
}, 120000);
