// Real-browser tests of the chat page: asking, streaming, citation chips and the
// article panel, refusals, HTML in questions, follow-ups, 新对话 and reloads.
// Served by the real Express app over a real index; driven by Debian chromium.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import {
  ask,
  assistantMessages,
  openChat,
  screenshot,
  startBrowserSuite,
  statusLog,
  UI_TIMEOUT,
  visibleRatio,
  waitForAnswer,
  type BrowserSuite,
} from '../helpers/browser-harness.ts';
import { useSessions } from '../helpers/browser-session.ts';
import { docxParagraphs } from '../helpers/office-files.ts';

interface ArticleJson {
  article: number;
  title: string;
  part: number;
  partTitle: string;
  text: string;
}

let suite: BrowserSuite;
const open = useSessions(() => suite.browser);

beforeAll(async () => {
  suite = await startBrowserSuite();
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function getArticle(n: number): Promise<ArticleJson> {
  const res = await fetch(`${suite.server.baseURL}/api/articles/${n}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ArticleJson;
}

function chatRequests(
  page: import('playwright-core').Page,
): Array<{ message: string; history: Array<{ role: string; content: string }>; mode: string }> {
  const bodies: Array<{
    message: string;
    history: Array<{ role: string; content: string }>;
    mode: string;
  }> = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/chat')
      bodies.push(request.postDataJSON());
  });
  return bodies;
}

describe('chat page in a real browser', { timeout: 90_000 }, () => {
  it('streams an answer with citation chips; a chip opens the article panel with the quote highlighted and in view; Esc closes it', async () => {
    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    await ask(page, '冬天取暖有什么打算？');

    const answer = await waitForAnswer(page, 0, 'done');
    const id = await answer.getAttribute('data-message-id');
    expect(id).toBeTruthy();
    // The message was rendered while streaming and then settled as done.
    expect((await statusLog(page))[id!]).toEqual(['streaming', 'done']);
    expect(await answer.locator('.msg__body').innerText()).toContain('清洁供暖');
    expect(await answer.locator('button.cite-chip').count()).toBeGreaterThan(0);

    const chip = answer.getByRole('button', { name: '第23条', exact: true }).first();
    await chip.click();

    const article = await getArticle(23);
    expect(article.title).toBe('提升城市功能品质');
    const dialog = page.getByRole('dialog', { name: '提升城市功能品质' });
    await dialog.waitFor({ state: 'visible' });
    await expect
      .poll(() => dialog.locator('.panel__crumb').innerText(), { timeout: UI_TIMEOUT })
      .toContain('第七部分');
    const crumb = await dialog.locator('.panel__crumb').innerText();
    expect(crumb).toContain(article.partTitle.slice(0, 6));
    expect(crumb).toContain('第23条');

    const mark = dialog.locator('mark.quote-mark').first();
    await mark.waitFor({ state: 'visible' });
    const quote = await mark.innerText();
    expect(quote.length).toBeGreaterThan(4);
    expect(article.text).toContain(quote);
    expect(quote).toContain('清洁供暖');
    await expect.poll(() => visibleRatio(mark), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await screenshot(page, 'desktop-answer-panel.png');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus goes back to the chip that opened the panel.
    expect(await chip.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
  });

  it('shows an off-topic question as a refusal with related article links that open the panel', async () => {
    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    await ask(page, '教我做一道红烧羊肉');

    const answer = await waitForAnswer(page, 0, 'done');
    expect(await answer.getAttribute('class')).toContain('msg--refusal');
    expect(await answer.getAttribute('class')).not.toContain('msg--error');
    expect(await answer.locator('.msg__error').count()).toBe(0);
    expect(await answer.locator('.refusal-badge').innerText()).toBe(
      '这个问题在规划建议中没有找到明确依据',
    );
    expect(await answer.locator('button.cite-chip').count()).toBe(0);

    const links = answer.locator('.related a.article-link');
    expect(await links.count()).toBeGreaterThan(0);
    await screenshot(page, 'desktop-refusal.png');

    const first = links.first();
    const n = Number(await first.getAttribute('data-article'));
    const article = await getArticle(n);
    expect(await first.innerText()).toContain(article.title);
    await first.click();
    const dialog = page.getByRole('dialog', { name: article.title });
    await dialog.waitFor({ state: 'visible' });
    await expect
      .poll(() => dialog.locator('.panel__body').innerText(), { timeout: UI_TIMEOUT })
      .toContain(article.text.slice(0, 20));
    // The link is a real link, but opening the panel must not navigate.
    expect(new URL(page.url()).hash).toBe('');
  });

  it('shows HTML in a question as literal text: no <img> is created and nothing runs', async () => {
    const { page, watch } = await open();
    await openChat(page, suite.server.baseURL);
    const payload = '<img src=x onerror=alert(1)>';
    await ask(page, payload);
    await waitForAnswer(page, 0, 'done');

    const userMessage = page.locator('article.msg.msg--user').first();
    expect(await userMessage.locator('.msg__body').innerText()).toBe(payload);
    await page
      .locator('section.messages')
      .getByText(payload, { exact: true })
      .waitFor({ state: 'visible' });
    expect(await page.locator('section.messages img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__imgAdded')).toBe(0);
    expect(await page.evaluate('window.__xssFired')).toBe(false);
    expect(watch.dialogs).toEqual([]);

    // Still text after a reload restores the conversation from localStorage.
    await page.reload();
    await page.locator('article.msg.msg--user').first().waitFor();
    expect(await page.locator('article.msg.msg--user .msg__body').first().innerText()).toBe(
      payload,
    );
    expect(await page.evaluate('window.__imgAdded')).toBe(0);
    expect(await page.evaluate('window.__xssFired')).toBe(false);
    expect(watch.dialogs).toEqual([]);
  });

  it('sends the history with a follow-up question, so 那第二条呢？ after 民生部分第一条 cites 第26条', async () => {
    const { page } = await open();
    const sent = chatRequests(page);
    await openChat(page, suite.server.baseURL);

    await ask(page, '民生部分第一条讲什么？');
    const first = await waitForAnswer(page, 0, 'done');
    expect(
      await first.getByRole('button', { name: '第25条', exact: true }).count(),
    ).toBeGreaterThan(0);

    await ask(page, '那第二条呢？');
    const second = await waitForAnswer(page, 1, 'done');
    expect(
      await second.getByRole('button', { name: '第26条', exact: true }).count(),
    ).toBeGreaterThan(0);

    expect(sent).toHaveLength(2);
    expect(sent[0]?.history).toEqual([]);
    expect(sent[1]?.message).toBe('那第二条呢？');
    expect(sent[1]?.history.map((h) => h.role)).toEqual(['user', 'assistant']);
    expect(sent[1]?.history[0]?.content).toBe('民生部分第一条讲什么？');
    expect(sent[1]?.history[1]?.content).toContain('第25条');
  });

  it('新对话 clears the conversation, also across a reload', async () => {
    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    const welcome = page.locator('section.welcome');
    await welcome.waitFor({ state: 'visible' });
    await ask(page, '第12条讲什么？');
    await waitForAnswer(page, 0, 'done');
    await welcome.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '新对话' }).click();
    await expect.poll(() => page.locator('article.msg').count(), { timeout: UI_TIMEOUT }).toBe(0);
    await welcome.waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: '导出 Markdown' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '导出 Word' }).isDisabled()).toBe(true);

    await page.reload();
    await page.getByRole('textbox', { name: '输入问题' }).waitFor();
    await welcome.waitFor({ state: 'visible' });
    expect(await page.locator('article.msg').count()).toBe(0);
  });

  it('导出 Markdown saves the conversation as the page holds it; 导出 Word saves the server’s checked .docx', async () => {
    const { page } = await open();
    const exports: unknown[] = [];
    page.on('request', (request: Request) => {
      if (new URL(request.url()).pathname === '/api/conversation/export')
        exports.push(request.postDataJSON());
    });
    await openChat(page, suite.server.baseURL);
    await ask(page, '第12条讲什么？');
    await waitForAnswer(page, 0, 'done');
    const article = await getArticle(12);

    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Markdown' }).click(),
    ]);
    expect(markdown.suggestedFilename()).toMatch(/^规划问答-对话-\d{8}-\d{4}\.md$/);
    const text = await readFile((await markdown.path())!, 'utf8');
    expect(text).toContain('第12条讲什么？');
    expect(text).toContain(article.title);

    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/^规划问答-对话-\d{8}-\d{4}\.docx$/);
    const paragraphs = docxParagraphs(await readFile((await word.path())!));
    expect(paragraphs).toContain('1. 问：第12条讲什么？');
    expect(paragraphs).toContain(`第12条 ${article.title}`);
    const quotes = paragraphs.filter(
      (paragraph) => paragraph.startsWith('“') && paragraph.endsWith('〔第12条〕'),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes)
      expect(article.text).toContain(quote.slice(1, -'”〔第12条〕'.length));
    // Only what the export needs leaves the page: no message ids, no UI state.
    expect(exports).toHaveLength(1);
    const body = exports[0] as { mode: string; messages: Array<Record<string, unknown>> };
    expect(body.mode).toBe('staff');
    expect(body.messages.map((message) => Object.keys(message).sort())).toEqual([
      ['content', 'role'],
      ['answered', 'citations', 'content', 'provider', 'related', 'role', 'status'],
    ]);
  });

  it('keeps the conversation across a reload, chips and highlights included', async () => {
    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    await ask(page, '冬天取暖有什么打算？');
    const before = await waitForAnswer(page, 0, 'done');
    const text = await before.locator('.msg__body').innerText();

    await page.reload();
    const after = assistantMessages(page).first();
    await after.waitFor();
    expect(await after.getAttribute('data-status')).toBe('done');
    expect(await after.locator('.msg__body').innerText()).toBe(text);
    expect(await page.locator('article.msg.msg--user .msg__body').first().innerText()).toBe(
      '冬天取暖有什么打算？',
    );
    await page
      .locator('nav#outline .outline__articles a.article-link')
      .first()
      .waitFor({ state: 'attached' });

    await after.getByRole('button', { name: '第23条', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: '提升城市功能品质' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('mark.quote-mark').first().waitFor({ state: 'visible' });
  });
});
