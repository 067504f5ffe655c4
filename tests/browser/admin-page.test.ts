// Real-browser tests of feedback on the chat page and of the staff insight page (/admin), on SQLite and on
// PostgreSQL: a refused question shows under 未回答的问题 on the next refresh (the log's queue is written before
// every report), a 没帮助 with a comment shows under the feedback, 重新提问 asks it again, CSV downloads, and the token.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  ask,
  assistantMessages,
  buildWebToTemp,
  launchChromium,
  openChat,
  screenshot,
  startPageServer,
  waitForAnswer,
  type PageServer,
} from '../helpers/browser-harness.ts';
import { useSessions } from '../helpers/browser-session.ts';
import { ADMIN_TOKEN, InsightStores, STORE_KINDS } from '../helpers/insight-stores.ts';
import { buildPlanIndex, type BuiltIndex } from '../helpers/plan-index.ts';

const REFUSED = '火星移民计划是什么？';
const COMMENT = '希望能说明乌海有没有相关打算';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let web: { dir: string; cleanup: () => Promise<void> };
let built: BuiltIndex;
const stores = new InsightStores();
const open = useSessions(() => browser);

beforeAll(async () => {
  [web, built, browser] = await Promise.all([buildWebToTemp(), buildPlanIndex(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await stores.close();
  await built?.cleanup();
  await web?.cleanup();
});

async function signIn(page: Page, baseURL: string, token = ADMIN_TOKEN): Promise<void> {
  await page.goto(`${baseURL}/admin`);
  await page.getByLabel('管理令牌').fill(token);
  await page.getByRole('button', { name: '进入' }).click();
}

const section = (page: Page, heading: string) =>
  page.locator('section.admin__section', { has: page.getByRole('heading', { name: heading }) });

describe.each(STORE_KINDS)('feedback and the staff page on %s', { timeout: 120_000 }, (kind) => {
  let server: PageServer;

  beforeAll(async () => {
    const { insight } = await stores.open(kind);
    server = await startPageServer({ webDir: web.dir, built, insight });
  });
  afterAll(() => server?.close());

  it('shows a question refused in the chat page under 未回答的问题, and its 没帮助 with the comment under feedback', async () => {
    const { context, page: adminPage } = await open();
    await signIn(adminPage, server.baseURL);
    const unanswered = section(adminPage, '未回答的问题');
    await unanswered.waitFor();
    expect(await unanswered.innerText()).not.toContain(REFUSED);

    const chatPage = await context.newPage();
    await openChat(chatPage, server.baseURL);
    await ask(chatPage, REFUSED);
    const answer = await waitForAnswer(chatPage, 0, 'done');
    expect(await answer.getAttribute('class')).toContain('msg--refusal');

    // One refresh, no waiting: the report reads the log's queue first.
    await adminPage.getByRole('button', { name: '刷新' }).click();
    const row = unanswered.locator('tbody tr', { hasText: REFUSED });
    await row.waitFor();
    expect(await row.locator('td').nth(1).innerText()).toBe('1');

    await answer.getByRole('button', { name: '没帮助' }).click();
    const box = answer.getByLabel('哪里没有帮助？（选填）');
    await box.waitFor();
    expect(await answer.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await box.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
    await box.fill(COMMENT);
    const recorded = chatPage.waitForResponse(
      (response) => response.url().endsWith('/api/feedback') && response.status() === 200,
    );
    await answer.getByRole('button', { name: '提交意见' }).click();
    await recorded;
    await answer.getByText('已收到您的意见，谢谢。').waitFor();
    await screenshot(chatPage, `feedback-${kind}.png`);

    await adminPage.getByRole('button', { name: '刷新' }).click();
    const feedbackRow = section(adminPage, '被评为“没帮助”的回答').locator('tbody tr', {
      hasText: REFUSED,
    });
    await feedbackRow.waitFor();
    expect(await feedbackRow.innerText()).toContain(COMMENT);
    await screenshot(adminPage, `admin-${kind}.png`);

    // 重新提问 opens the chat page and asks the question afresh.
    const [replayed] = await Promise.all([
      context.waitForEvent('page'),
      feedbackRow.getByRole('link', { name: '重新提问' }).click(),
    ]);
    await replayed.getByRole('textbox', { name: '输入问题' }).waitFor();
    await waitForAnswer(replayed, 0, 'done');
    expect(await replayed.locator('article.msg--user').allInnerTexts()).toEqual([
      expect.stringContaining(REFUSED),
    ]);
    expect(new URL(replayed.url()).search).toBe('');
  });

  it('remembers a vote across a reload and lets the reader change it', async () => {
    const { page } = await open();
    await openChat(page, server.baseURL);
    await ask(page, '第12条讲什么？');
    let answer = await waitForAnswer(page, 0, 'done');
    await answer.getByRole('button', { name: '有帮助' }).click();
    await answer.getByText('感谢您的反馈。').waitFor();

    await page.reload();
    answer = assistantMessages(page).nth(0);
    const up = answer.getByRole('button', { name: '有帮助' });
    await up.waitFor();
    expect(await up.getAttribute('aria-pressed')).toBe('true');
    await answer.getByRole('button', { name: '没帮助' }).click();
    await answer.getByLabel('哪里没有帮助？（选填）').waitFor();
    expect(await up.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the staff page itself', { timeout: 120_000 }, () => {
  let server: PageServer;

  beforeAll(async () => {
    const { insight } = await stores.open('sqlite');
    server = await startPageServer({ webDir: web.dir, built, insight });
  });
  afterAll(() => server?.close());

  it('refuses a wrong token, keeps the right one for this tab only, and exports CSV', async () => {
    const { context, page } = await open();
    await signIn(page, server.baseURL, 'not-the-token-at-all');
    await page.getByText('令牌不正确，请重新输入。').waitFor();
    await page.getByLabel('管理令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '进入' }).click();
    await section(page, '未回答的问题').waitFor();

    await page.reload();
    await section(page, '未回答的问题').waitFor();
    const otherTab = await context.newPage();
    await otherTab.goto(`${server.baseURL}/admin`);
    await otherTab.getByLabel('管理令牌').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section(page, '未回答的问题').getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^unanswered-\d{8}-\d{4}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFquestion,count,keywords,variants,mode,last_asked_at')).toBe(true);
  });

  it('is off (404) without ADMIN_TOKEN, page and script alike, while the chat page is served', async () => {
    const { insight } = await stores.open('sqlite', { ADMIN_TOKEN: '' });
    const tokenless = await startPageServer({ webDir: web.dir, built, insight });
    try {
      for (const path of ['/admin', '/admin/', '/admin/admin.js', '/admin/index.html'])
        expect((await fetch(`${tokenless.baseURL}${path}`)).status, path).toBe(404);
      expect((await fetch(`${tokenless.baseURL}/`)).status).toBe(200);
      expect((await fetch(`${server.baseURL}/admin/admin.js`)).status).toBe(200);
    } finally {
      await tokenless.close();
    }
  });
});
