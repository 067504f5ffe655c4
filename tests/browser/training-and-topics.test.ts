// Real-browser tests of the audience views: the 培训 study-pack builder and
// preview (answers hidden, 第N条 chips, Markdown, Word and PPT downloads, print window), the
// 市民 life topics, glossary marks with their card, and graceful degradation
// when the topic or glossary endpoints fail. Served by the real app with the
// project's real topic map and glossary (tests/helpers/extras-suite.ts).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import {
  ask,
  openChat,
  PHONE,
  questionBox,
  screenshot,
  UI_TIMEOUT,
  waitForAnswer,
} from '../helpers/browser-harness.ts';
import { useSessions } from '../helpers/browser-session.ts';
import { startExtrasSuite, type ExtrasSuite } from '../helpers/extras-suite.ts';
import { docxParagraphs, pptxSlides } from '../helpers/office-files.ts';

let suite: ExtrasSuite;
const open = useSessions(() => suite.browser);

beforeAll(async () => {
  suite = await startExtrasSuite();
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(suite.server.baseURL + path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

function studyBodies(page: Page): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/study')
      bodies.push(request.postDataJSON());
  });
  return bodies;
}

/** 培训 → 学习材料 → part 三 → 生成学习材料; returns the preview once its title is shown. */
async function generatePartThree(page: Page) {
  await page.getByRole('radio', { name: '培训' }).check();
  await page.getByRole('tab', { name: '学习材料' }).click();
  const partSelect = page.getByLabel('部分', { exact: true });
  await partSelect.locator('option').nth(9).waitFor({ state: 'attached' });
  const label = await partSelect.locator('option', { hasText: '第三部分' }).innerText();
  await partSelect.selectOption({ label });
  expect(await page.getByLabel('测验题数').inputValue()).toBe('6');
  await page.getByRole('button', { name: '生成学习材料' }).click();
  const preview = page.locator('section.study-preview');
  await preview.getByRole('heading', { level: 2 }).waitFor({ state: 'visible' });
  return preview;
}

describe('培训: study-pack builder', { timeout: 120_000 }, () => {
  it('builds a pack for part 三: title, outline 第7–9条, quiz with hidden answers, chips open the panel, Markdown downloads', async () => {
    const { page } = await open();
    const bodies = studyBodies(page);
    await openChat(page, suite.server.baseURL);
    // The tab row only appears for audiences with a view of their own.
    expect(await page.getByRole('tablist').isVisible()).toBe(false);

    const preview = await generatePartThree(page);
    expect(bodies).toEqual([{ part: 3, questions: 6 }]);
    expect(await page.getByRole('tab', { name: '学习材料' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    // The chat is behind the other tab, not gone.
    expect(await questionBox(page).isVisible()).toBe(false);

    const title = await preview.getByRole('heading', { level: 2 }).innerText();
    expect(title).toContain('第三部分');
    await screenshot(page, 'desktop-study-preview.png');
    const items = preview.locator('.study-outline__item');
    expect(await items.locator('h4').allInnerTexts()).toEqual([
      expect.stringContaining('第7条'),
      expect.stringContaining('第8条'),
      expect.stringContaining('第9条'),
    ]);
    const article7 = await getJson<{ text: string }>('/api/articles/7');
    const point = items.first().locator('.study-point').first();
    const pointText = (await point.innerText()).replace(/\s*第7条$/, '');
    expect(article7.text).toContain(pointText);

    // Quiz: six questions, every answer hidden until its own 显示答案.
    const quiz = preview.locator('.quiz-item');
    expect(await quiz.count()).toBe(6);
    const answers = preview.locator('.quiz-item__answer');
    for (let i = 0; i < 6; i++) expect(await answers.nth(i).isVisible()).toBe(false);
    const toggle = quiz.first().getByRole('button', { name: '显示答案', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    await answers.first().waitFor({ state: 'visible' });
    expect(await answers.first().innerText()).toContain('答案：');
    expect(
      await quiz.first().getByRole('button', { name: '隐藏答案' }).getAttribute('aria-expanded'),
    ).toBe('true');
    expect(await answers.nth(1).isVisible()).toBe(false);
    await screenshot(page, 'desktop-study-quiz.png');

    // A 第7条 chip beside a point opens article 7 with that sentence highlighted.
    await point.getByRole('button', { name: '第7条', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '打好污染防治攻坚战' });
    await dialog.waitFor({ state: 'visible' });
    const mark = dialog.locator('mark.quote-mark').first();
    await mark.waitFor({ state: 'visible' });
    expect((await mark.innerText()).replace(/\s/g, '')).toBe(pointText.replace(/\s/g, ''));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // 下载 Markdown: the server's Markdown for the same request, as a .md download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      preview.getByRole('button', { name: '下载 Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('学习材料-第三部分.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('〔第7条〕');
    expect(markdown).toContain(title);
    expect(bodies).toEqual([
      { part: 3, questions: 6 },
      { part: 3, questions: 6 },
    ]);

    // 下载 Word / 下载 PPT: the server's files for the same request, under the names the server gives them.
    for (const [label, name] of [
      ['下载 Word', '第三部分学习辅导材料.docx'],
      ['下载 PPT', '第三部分学习辅导材料.pptx'],
    ] as const) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        preview.getByRole('button', { name: label }).click(),
      ]);
      expect(file.suggestedFilename()).toBe(name);
      const bytes = await readFile((await file.path())!);
      const paragraphs = name.endsWith('.docx') ? docxParagraphs(bytes) : pptxSlides(bytes).flat();
      expect(paragraphs).toContain(title);
      expect(paragraphs.some((paragraph) => paragraph.endsWith('〔第7条〕'))).toBe(true);
    }
    expect(bodies).toHaveLength(4);
  });

  it('打印 opens the server’s print-ready HTML in a new window', async () => {
    const { page, context } = await open();
    await openChat(page, suite.server.baseURL);
    const preview = await generatePartThree(page);
    const title = await preview.getByRole('heading', { level: 2 }).innerText();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      preview.getByRole('button', { name: '打印' }).click(),
    ]);
    await expect.poll(() => popup.url(), { timeout: UI_TIMEOUT }).toMatch(/^blob:/);
    await popup.waitForLoadState('load');
    expect(await popup.locator('h1').innerText()).toBe(title);
    expect(await popup.locator('body').innerText()).toContain('〔第7条〕');
    await popup.close();
  });

  it('articles and topics: sends exactly one selector, and shows the server’s message for a topic the plan does not cover', async () => {
    const { page } = await open();
    const bodies = studyBodies(page);
    await openChat(page, suite.server.baseURL);
    await page.getByRole('radio', { name: '培训' }).check();
    await page.getByRole('tab', { name: '学习材料' }).click();

    await page.getByRole('radio', { name: '选择条文' }).check();
    const partSelect = page.getByLabel('部分', { exact: true });
    await partSelect.selectOption('8');
    const boxes = page.getByRole('group', { name: '条文' }).getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(1);
    for (let i = 1; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await page.getByLabel('测验题数').fill('2');
    await page.getByRole('button', { name: '生成学习材料' }).click();
    const items = page.locator('section.study-preview .study-outline__item');
    await expect.poll(() => items.count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await page.locator('section.study-preview .quiz-item').count()).toBe(2);

    await page.getByRole('radio', { name: '按主题' }).check();
    await page.getByLabel('主题', { exact: true }).fill('火星殖民');
    await page.getByRole('button', { name: '生成学习材料' }).click();
    const error = page.locator('.study-form__error');
    await expect.poll(() => error.innerText(), { timeout: UI_TIMEOUT }).toContain('火星殖民');

    await page.getByLabel('测验题数').fill('31');
    await page.getByRole('button', { name: '生成学习材料' }).click();
    await expect.poll(() => error.innerText(), { timeout: UI_TIMEOUT }).toContain('0 到 30');

    const first = bodies[0] as { articles: number[]; questions: number };
    expect(Object.keys(first).sort()).toEqual(['articles', 'questions']);
    expect(first.articles).toHaveLength(1);
    expect(first.questions).toBe(2);
    expect(bodies[1]).toEqual({ topic: '火星殖民', questions: 2 });
    expect(bodies).toHaveLength(2); // 31 questions never leaves the page
  });

  it('fits a 375px phone', async () => {
    const { page } = await open(PHONE);
    await openChat(page, suite.server.baseURL);
    await page.getByRole('radio', { name: '培训' }).check();
    // The welcome card points trainers at their view.
    await page.locator('.welcome').getByRole('button', { name: '打开学习材料' }).click();
    expect(await page.getByRole('tab', { name: '学习材料' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.getByRole('button', { name: '生成学习材料' }).waitFor({ state: 'visible' });
    await screenshot(page, 'phone-study-form.png');
    const preview = await generatePartThree(page);
    await screenshot(page, 'phone-study-preview.png');
    await preview.locator('.quiz-item').first().getByRole('button', { name: '显示答案' }).click();
    const width = (await page.evaluate(
      'Math.max(document.documentElement.scrollWidth, window.innerWidth)',
    )) as number;
    expect(width).toBe(375);
    await screenshot(page, 'phone-study-quiz.png');
  });
});

describe('市民: life topics', { timeout: 120_000 }, () => {
  it('shows topic buttons; 就业 lists article 25 verbatim; its 第25条 chip highlights the sentence; 问一问 drafts a question', async () => {
    expect(suite.serves.topics).toBe(true);
    const topics = await getJson<{ topics: Array<{ id: string; name: string }> }>('/api/topics');
    const jobs = await getJson<{
      articles: Array<{ article: number; sentences: Array<{ quote: string }> }>;
    }>('/api/topics/jobs');
    const article25 = await getJson<{ text: string; title: string }>('/api/articles/25');

    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    await page.getByRole('radio', { name: '市民' }).check();
    const welcomeTopics = page.locator('.welcome .topic-button');
    await welcomeTopics.first().waitFor({ state: 'visible' });
    expect(await welcomeTopics.count()).toBe(topics.topics.length);
    // The citizen starters are still there below the topics.
    expect(await page.locator('.welcome__starters button.starter').count()).toBe(4);
    expect(await page.getByRole('tab', { name: '生活话题' }).isVisible()).toBe(true);

    await page.locator('.welcome').getByRole('button', { name: /^就业/ }).click();
    await page.getByRole('heading', { level: 2, name: '就业' }).waitFor({ state: 'visible' });
    expect(await page.getByRole('tab', { name: '生活话题' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    const section = page
      .locator('section.topic-article')
      .filter({ has: page.getByRole('heading', { level: 3, name: /第25条/ }) });
    await section.waitFor({ state: 'visible' });
    expect(await section.getByRole('heading', { level: 3 }).innerText()).toContain(article25.title);
    const expected = jobs.articles.find((a) => a.article === 25)!.sentences.map((s) => s.quote);
    const shown = (await section.locator('.topic-sentence').allInnerTexts()).map((t) =>
      t.replace(/\s*第25条$/, ''),
    );
    expect(shown).toEqual(expected);
    for (const sentence of shown) expect(article25.text).toContain(sentence);
    await screenshot(page, 'desktop-topic-page.png');

    await section
      .locator('.topic-sentence')
      .nth(1)
      .getByRole('button', { name: '第25条', exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: article25.title });
    await dialog.waitFor({ state: 'visible' });
    const mark = dialog.locator('mark.quote-mark');
    await mark.first().waitFor({ state: 'visible' });
    expect(await mark.count()).toBe(1);
    expect(await mark.innerText()).toBe(expected[1]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '问一问' }).click();
    await questionBox(page).waitFor({ state: 'visible' });
    expect(await page.getByRole('tab', { name: '对话' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await questionBox(page).inputValue()).toContain('就业');
    expect(
      await questionBox(page).evaluate((el: any) => el === el.ownerDocument.activeElement),
    ).toBe(true);

    // The 生活话题 tab keeps the topic page; 全部话题 goes back to the big buttons.
    await page.getByRole('tab', { name: '生活话题' }).click();
    await page.getByRole('button', { name: '← 全部话题' }).click();
    await page.locator('.topics-landing .topic-button').first().waitFor({ state: 'visible' });
    expect(await page.locator('.topics-landing .topic-button').count()).toBe(topics.topics.length);
  });

  it('fits a 375px phone', async () => {
    const { page } = await open(PHONE);
    await openChat(page, suite.server.baseURL);
    await page.getByRole('radio', { name: '市民' }).check();
    await page.locator('.welcome .topic-button').first().waitFor({ state: 'visible' });
    await screenshot(page, 'phone-topics.png');
    await page.locator('.welcome').getByRole('button', { name: /^就业/ }).tap();
    await page.locator('section.topic-article').first().waitFor({ state: 'visible' });
    const width = (await page.evaluate(
      'Math.max(document.documentElement.scrollWidth, window.innerWidth)',
    )) as number;
    expect(width).toBe(375);
    await screenshot(page, 'phone-topic-page.png');
  });

  it('asks for topics only when 市民 is chosen, and for the glossary only when text is shown (rate limits count every call)', async () => {
    const { page } = await open();
    const apiCalls: string[] = [];
    page.on('request', (request: Request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/')) apiCalls.push(pathname);
    });
    await openChat(page, suite.server.baseURL);
    expect(apiCalls).toEqual(['/api/articles']);
    await page.getByRole('radio', { name: '市民' }).check();
    await page.locator('.welcome .topic-button').first().waitFor({ state: 'visible' });
    await page.getByRole('radio', { name: '工作人员' }).check();
    await page.getByRole('radio', { name: '市民' }).check();
    expect(apiCalls).toEqual(['/api/articles', '/api/topics']);
    await ask(page, '找工作有哪些支持？');
    await waitForAnswer(page, 0, 'done');
    await expect
      .poll(() => apiCalls.filter((p) => p === '/api/glossary').length, { timeout: UI_TIMEOUT })
      .toBe(1);
  });

  it('without /api/topics and /api/glossary the page hides the topics and still answers', async () => {
    const { page } = await open();
    await page.route('**/api/topics', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: '{"error":{"code":"internal","message":"x"}}',
      }),
    );
    await page.route('**/api/glossary', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: '{"error":{"code":"not_found","message":"x"}}',
      }),
    );
    await openChat(page, suite.server.baseURL);
    await page.getByRole('radio', { name: '市民' }).check();
    await page.locator('.welcome__starters button.starter').first().waitFor({ state: 'visible' });
    expect(await page.locator('.topic-button:visible').count()).toBe(0);
    expect(await page.getByRole('tablist').isVisible()).toBe(false);
    await ask(page, '五区一河是什么？');
    const answer = await waitForAnswer(page, 0, 'done');
    expect(await answer.locator('.glossary-term').count()).toBe(0);
    expect(await answer.locator('button.cite-chip').count()).toBeGreaterThan(0);
  });
});

describe('glossary marks', { timeout: 120_000 }, () => {
  it('marks 五区一河 in the answer; hover and focus show the definition from 第7条; the card’s links open the panel', async () => {
    expect(suite.serves.glossary).toBe(true);
    const glossary = await getJson<{
      terms: Array<{
        term: string;
        definition?: { article: number; quote: string };
        articles: number[];
      }>;
    }>('/api/glossary');
    const entry = glossary.terms.find((t) => t.term === '五区一河')!;
    expect(entry.definition?.article).toBe(7);

    const { page } = await open();
    await openChat(page, suite.server.baseURL);
    await ask(page, '五区一河是什么？');
    const answer = await waitForAnswer(page, 0, 'done');
    const term = answer.locator('.msg__body .glossary-term', { hasText: '五区一河' }).first();
    await term.waitFor({ state: 'visible' });
    expect(
      await answer.locator('.cite-chip .glossary-term, .glossary-term .glossary-term').count(),
    ).toBe(0);

    const card = page.getByRole('dialog', { name: '五区一河' });
    // Text moving under a resting pointer fires mouseover alone; that must not pop the card up.
    await term.dispatchEvent('mouseover');
    await page.waitForTimeout(100);
    expect(await card.isVisible()).toBe(false);
    await term.hover();
    await card.waitFor({ state: 'visible' });
    expect(await card.innerText()).toContain(entry.definition!.quote);
    expect(await card.getByRole('button', { name: '第7条', exact: true }).count()).toBeGreaterThan(
      0,
    );
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'desktop-glossary-card.png');
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'hidden' });

    // Keyboard: tabbing onto the term previews it, Enter moves into it, Esc closes and returns to the term.
    await term.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await term.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await expect
      .poll(() => card.evaluate((el: any) => el.contains(el.ownerDocument.activeElement)), {
        timeout: UI_TIMEOUT,
      })
      .toBe(true);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden' });
    expect(await term.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);

    // The definition's 第7条 opens article 7 with the sentence highlighted; the panel's text is marked too.
    await term.click();
    await card.getByRole('button', { name: '第7条', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: '打好污染防治攻坚战' });
    await dialog.waitFor({ state: 'visible' });
    await card.waitFor({ state: 'hidden' });
    await dialog.locator('mark.quote-mark').first().waitFor({ state: 'visible' });
    expect(await dialog.locator('mark.quote-mark').innerText()).toBe(entry.definition!.quote);
    await dialog
      .locator('.article-text .glossary-term', { hasText: '五区一河' })
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus goes back to the term, without reopening its card.
    expect(await term.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await card.isVisible()).toBe(false);
  });
});
