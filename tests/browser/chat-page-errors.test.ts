// Real-browser tests of failures and control: API errors with 重试, the real
// rate limiter, Enter / Shift+Enter, and 停止 against a slowly streaming model.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import {
  ask,
  openChat,
  questionBox,
  screenshot,
  startBrowserSuite,
  startPageServer,
  UI_TIMEOUT,
  waitForAnswer,
  type BrowserSuite,
  type PageServer,
} from '../helpers/browser-harness.ts';
import { useSessions } from '../helpers/browser-session.ts';
import { startSlowChatServer, type SlowChatServer } from '../helpers/slow-chat-server.ts';

let suite: BrowserSuite;
let slowModel: SlowChatServer;
let slowApp: PageServer;
let limitedApp: PageServer;
const open = useSessions(() => suite.browser);

beforeAll(async () => {
  suite = await startBrowserSuite();
  slowModel = await startSlowChatServer({ intervalMs: 150, after: 'hang' });
  // A long model timeout: the hanging stream must end only when 停止 is pressed.
  slowApp = await startPageServer({
    webDir: suite.webDir,
    built: suite.built,
    modelBaseURL: slowModel.baseURL,
    modelTimeoutMs: 120_000,
  });
  // GET /api/articles (page load) and one question fit; the second question is limited.
  limitedApp = await startPageServer({
    webDir: suite.webDir,
    built: suite.built,
    rateLimitPerMinute: 2,
  });
}, 120_000);

afterAll(async () => {
  await slowApp?.close();
  await limitedApp?.close();
  await slowModel?.close();
  await suite?.close();
});

const CHAT_ROUTE = '**/api/chat';

function failWith(status: number, code: string, headers: Record<string, string> = {}) {
  return (route: Route) =>
    route.fulfill({
      status,
      headers,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code, message: 'failure injected by the test' } }),
    });
}

/** The page is still whole: header, the question, and a usable composer. */
async function expectPageIntact(page: Page, question: string): Promise<void> {
  await page.getByRole('heading', { name: '规划问答' }).waitFor({ state: 'visible' });
  await page
    .locator('article.msg.msg--user')
    .getByText(question, { exact: true })
    .waitFor({ state: 'visible' });
  expect(await questionBox(page).isEditable()).toBe(true);
  expect(await page.getByRole('button', { name: '发送' }).isVisible()).toBe(true);
  expect((await page.locator('body').innerText()).length).toBeGreaterThan(100);
}

describe('chat page failures and controls in a real browser', { timeout: 90_000 }, () => {
  it('shows API failures (500, 429, network) as an error with 重试, and 重试 gets the answer once the API is back', async () => {
    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    const question = '冬天取暖有什么打算？';

    await page.route(CHAT_ROUTE, failWith(500, 'internal_error'));
    await ask(page, question);
    let answer = await waitForAnswer(page, 0, 'error');
    const error = answer.locator('.msg__error');
    await error.waitFor({ state: 'visible' });
    expect(await error.innerText()).toContain('服务暂时出现问题，请稍后重试。');
    expect(await error.innerText()).toContain('internal_error');
    expect(await answer.getAttribute('class')).not.toContain('msg--refusal');
    const retry = () => page.locator('.msg__error').getByRole('button', { name: '重试' });
    await retry().waitFor({ state: 'visible' });
    await expectPageIntact(page, question);
    await screenshot(page, 'desktop-error.png');

    // 重试 into a 429 with Retry-After.
    await page.unroute(CHAT_ROUTE);
    await page.route(CHAT_ROUTE, failWith(429, 'rate_limited', { 'Retry-After': '30' }));
    await retry().click();
    await page
      .locator('.msg__error')
      .getByText('提问太频繁了，请约 30 秒后再试。', { exact: false })
      .waitFor({ state: 'visible' });
    answer = await waitForAnswer(page, 0, 'error');
    expect(await page.locator('article.msg--assistant').count()).toBe(1);
    await expectPageIntact(page, question);

    // 重试 into a network failure.
    await page.unroute(CHAT_ROUTE);
    await page.route(CHAT_ROUTE, (route) => route.abort('connectionreset'));
    await retry().click();
    await page
      .locator('.msg__error')
      .getByText('网络连接失败，请检查网络后重试。')
      .waitFor({ state: 'visible' });
    await expectPageIntact(page, question);

    // The API is back: 重试 replaces the error with the answer, in place.
    await page.unroute(CHAT_ROUTE);
    await retry().click();
    answer = await waitForAnswer(page, 0, 'done');
    expect(
      await answer.getByRole('button', { name: '第23条', exact: true }).count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('.msg__error').count()).toBe(0);
    expect(await page.locator('article.msg--user').count()).toBe(1);
    expect(await page.locator('article.msg--assistant').count()).toBe(1);
  });

  it('shows the real rate limiter’s 429 as a rate-limit error, not a blank page', async () => {
    const { page } = await open();
    await openChat(page, limitedApp.baseURL);
    await ask(page, '冬天取暖有什么打算？');
    await waitForAnswer(page, 0, 'done');
    await ask(page, '第12条讲什么？');
    const answer = await waitForAnswer(page, 1, 'error');
    expect(await answer.locator('.msg__error').innerText()).toContain('提问太频繁了');
    await answer
      .locator('.msg__error')
      .getByRole('button', { name: '重试' })
      .waitFor({ state: 'visible' });
    await expectPageIntact(page, '第12条讲什么？');
    // The earlier answer is untouched.
    expect(await page.locator('article.msg--assistant').first().getAttribute('data-status')).toBe(
      'done',
    );
  });

  it('Enter sends and Shift+Enter adds a newline; 停止 cancels a streaming answer and keeps its partial text', async () => {
    const { page } = await open();
    const startedBefore = slowModel.started;
    const abandonedBefore = slowModel.abandoned;
    await openChat(page, slowApp.baseURL);

    const box = questionBox(page);
    await box.click();
    await page.keyboard.type('冬天取暖有什么打算？');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('清洁供暖怎么推进？');
    expect(await box.inputValue()).toBe('冬天取暖有什么打算？\n清洁供暖怎么推进？');
    expect(await page.locator('article.msg').count()).toBe(0);

    await page.keyboard.press('Enter');
    const userBody = page.locator('article.msg.msg--user .msg__body').first();
    await userBody.waitFor({ state: 'visible' });
    expect(await userBody.textContent()).toBe('冬天取暖有什么打算？\n清洁供暖怎么推进？');
    expect(await box.inputValue()).toBe('');

    const stop = page.getByRole('button', { name: '停止' });
    await stop.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: '发送' }).isVisible()).toBe(false);
    const answer = page.locator('article.msg--assistant').first();
    expect(await answer.getAttribute('data-status')).toBe('streaming');
    // The model's text streams in (it then hangs without finishing).
    await answer
      .locator('.msg__body')
      .getByText('推进绿电直连', { exact: false })
      .waitFor({ state: 'visible' });
    expect(await answer.getAttribute('data-status')).toBe('streaming');
    const partial = await answer.locator('.msg__body').innerText();

    await stop.click();
    await waitForAnswer(page, 0, 'stopped');
    expect(await answer.locator('.msg__body').innerText()).toContain(
      '根据规划建议，乌海将优化能源消费结构',
    );
    expect(await answer.locator('.msg__body').innerText()).toContain(
      partial.replace(/\s+$/, '').slice(0, 20),
    );
    expect(await answer.getByRole('button', { name: '第12条', exact: true }).count()).toBe(1);
    await answer.getByText('已停止生成，以下为部分回答。').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: '发送' }).waitFor({ state: 'visible' });
    expect(await stop.isVisible()).toBe(false);
    expect(slowModel.started).toBe(startedBefore + 1);
    // The stop reached the model: the server dropped its upstream stream.
    await expect.poll(() => slowModel.abandoned, { timeout: UI_TIMEOUT }).toBe(abandonedBefore + 1);
    await screenshot(page, 'desktop-stopped.png');

    // The stopped, partial answer is what a reload restores.
    await page.reload();
    const restored = page.locator('article.msg--assistant').first();
    await restored.waitFor();
    expect(await restored.getAttribute('data-status')).toBe('stopped');
    expect(await restored.locator('.msg__body').innerText()).toContain('推进绿电直连');
  });
});
