// Real-browser tests of layout and page-level guarantees: the phone layout and
// its full-screen article sheet, the audience switch, the outline and full-text
// search, the Content-Security-Policy, and the size of the shipped JavaScript.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import {
  ask,
  cspViolations,
  openChat,
  PHONE,
  screenshot,
  startBrowserSuite,
  UI_TIMEOUT,
  waitForAnswer,
  type BrowserSuite,
} from '../helpers/browser-harness.ts';
import { useSessions } from '../helpers/browser-session.ts';

let suite: BrowserSuite;
const open = useSessions(() => suite.browser);

beforeAll(async () => {
  suite = await startBrowserSuite();
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

/**
 * The page's horizontal extent. On a mobile viewport, content wider than the
 * screen also widens the layout viewport (the browser zooms out), so both the
 * scroll width and innerWidth must stay at 375.
 */
async function scrollWidth(page: Page): Promise<number> {
  const [scroll, inner] = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as [number, number];
  return Math.max(scroll, inner);
}

/** Whether the element at each point belongs to the article panel. */
function panelOwnsPoints(page: Page, points: Array<[number, number]>): Promise<boolean[]> {
  return page.evaluate(
    `(${JSON.stringify(points)}).map(([x, y]) => !!document.elementFromPoint(x, y)?.closest('#article-panel'))`,
  ) as Promise<boolean[]>;
}

describe(
  'chat page layout and page-level guarantees in a real browser',
  { timeout: 90_000 },
  () => {
    it('fits a 375px phone without sideways scrolling and opens citations as a full-screen sheet', async () => {
      const { page } = await open(PHONE);
      await openChat(page, suite.server.baseURL);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      // ≤900px: the outline hides behind 目录.
      await page.getByRole('button', { name: '目录', exact: true }).waitFor({ state: 'visible' });
      expect(await page.locator('nav#outline').isVisible()).toBe(false);

      await page.getByRole('textbox', { name: '输入问题' }).fill('冬天取暖有什么打算？');
      await page.getByRole('button', { name: '发送' }).tap();
      const answer = await waitForAnswer(page, 0, 'done');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      const box = await answer.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      await screenshot(page, 'phone-answer.png');

      await answer.getByRole('button', { name: '第23条', exact: true }).first().tap();
      const dialog = page.getByRole('dialog', { name: '提升城市功能品质' });
      await dialog.waitFor({ state: 'visible' });
      await dialog.locator('mark.quote-mark').first().waitFor({ state: 'visible' });
      // Full-screen sheet: once its slide-in settles it spans the whole viewport…
      await expect
        .poll(
          async () => {
            const b = await dialog.boundingBox();
            return (
              b && [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]
            );
          },
          { timeout: UI_TIMEOUT },
        )
        .toEqual([0, 0, 375, 812]);
      // …and is what the reader sees everywhere, corners and centre alike.
      expect(
        await panelOwnsPoints(page, [
          [5, 5],
          [370, 5],
          [187, 406],
          [5, 806],
          [370, 806],
        ]),
      ).toEqual([true, true, true, true, true]);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await screenshot(page, 'phone-panel.png');

      await dialog.getByRole('button', { name: '关闭' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      await answer.waitFor({ state: 'visible' });
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    });

    it('on a phone, 目录 opens the outline drawer and an article in it opens the panel', async () => {
      const { page } = await open(PHONE);
      await openChat(page, suite.server.baseURL);
      const toggle = page.getByRole('button', { name: '目录', exact: true });
      await toggle.tap();
      const outline = page.locator('nav#outline');
      await outline.waitFor({ state: 'visible' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await expect
        .poll(async () => Math.round((await outline.boundingBox())?.x ?? -1), {
          timeout: UI_TIMEOUT,
        })
        .toBe(0);
      await screenshot(page, 'phone-outline.png');

      await outline.locator('a.article-link[data-article="7"]').tap();
      const dialog = page.getByRole('dialog', { name: '打好污染防治攻坚战' });
      await dialog.waitFor({ state: 'visible' });
      await outline.waitFor({ state: 'hidden' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    });

    it('switching the audience to 市民 shows citizen starter questions and sends mode citizen', async () => {
      const { page } = await open();
      const modes: string[] = [];
      page.on('request', (request: Request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/chat')
          modes.push((request.postDataJSON() as { mode: string }).mode);
      });
      await openChat(page, suite.server.baseURL);
      const starters = page.locator('.welcome__starters button.starter');
      await starters.first().waitFor({ state: 'visible' });
      expect(await page.getByRole('radio', { name: '工作人员' }).isChecked()).toBe(true);
      expect(await starters.allInnerTexts()).toContain('第12条讲什么？');

      await page.getByRole('radio', { name: '市民' }).check();
      expect(await page.getByRole('radio', { name: '市民' }).isChecked()).toBe(true);
      await expect
        .poll(() => starters.allInnerTexts(), { timeout: UI_TIMEOUT })
        .toEqual([
          '看病方面有什么新变化？',
          '冬天取暖有什么打算？',
          '找工作有哪些支持？',
          '孩子上学会有哪些变化？',
        ]);
      await page.locator('.welcome__mode-hint').getByText('通俗').waitFor({ state: 'visible' });

      await ask(page, '冬天取暖有什么打算？');
      await waitForAnswer(page, 0, 'done');
      expect(modes).toEqual(['citizen']);

      // A starter question asks straight away, also as a citizen; the choice survives a reload.
      await page.getByRole('button', { name: '新对话' }).click();
      await page.getByRole('button', { name: '找工作有哪些支持？' }).click();
      await waitForAnswer(page, 0, 'done');
      expect(modes).toEqual(['citizen', 'citizen']);
      await page.reload();
      await page.getByRole('radio', { name: '市民' }).waitFor();
      expect(await page.getByRole('radio', { name: '市民' }).isChecked()).toBe(true);
    });

    it('lists 10 parts and 36 articles; 绿电 in the filter finds article 12; outline articles open the panel', async () => {
      const { page } = await open();
      await openChat(page, suite.server.baseURL);
      const outline = page.locator('nav#outline');
      await outline.waitFor({ state: 'visible' });
      expect(await outline.locator('.outline__part').count()).toBe(10);
      expect(await outline.locator('.outline__articles a.article-link').count()).toBe(36);
      const numbers = await outline
        .locator('.outline__articles a.article-link')
        .evaluateAll((els: any[]) => els.map((el) => Number(el.dataset.article)));
      expect(numbers).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));

      const filter = page.getByRole('searchbox', { name: '筛选条目或搜索全文' });
      await filter.fill('绿电');
      const hit = outline.locator('.search-results .search-hit a.article-link[data-article="12"]');
      await hit.waitFor({ state: 'visible' });
      expect(await hit.innerText()).toContain('优化能源消费结构');
      expect(await outline.locator('.search-results mark').first().innerText()).toBe('绿电');
      await screenshot(page, 'desktop-outline-search.png');
      await hit.click();
      await page.getByRole('dialog', { name: '优化能源消费结构' }).waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });

      await filter.fill('');
      await outline.locator('.search-results').waitFor({ state: 'hidden' });
      expect(await outline.locator('.outline__articles a.article-link').count()).toBe(36);
      await outline.locator('.outline__articles a.article-link[data-article="7"]').click();
      const dialog = page.getByRole('dialog', { name: '打好污染防治攻坚战' });
      await dialog.waitFor({ state: 'visible' });
      await expect
        .poll(() => dialog.locator('.panel__crumb').innerText(), { timeout: UI_TIMEOUT })
        .toContain('第三部分');
      // 下一条 walks to the next article.
      await dialog.getByRole('button', { name: '下一条' }).click();
      await page
        .getByRole('dialog', { name: '加强生态系统保护修复' })
        .waitFor({ state: 'visible' });
    });

    it("serves a Content-Security-Policy with script-src 'self' and the page violates none of it", async () => {
      const { page, watch } = await open();
      const response = await page.goto(suite.server.baseURL + '/');
      expect(response?.status()).toBe(200);
      const csp = response?.headers()['content-security-policy'] ?? '';
      const scriptSrc = csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src '));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/connect-src 'self'/);

      // Exercise the page: answer, chips, panel, outline search.
      await page
        .locator('nav#outline .outline__articles a.article-link')
        .first()
        .waitFor({ state: 'attached' });
      await ask(page, '冬天取暖有什么打算？');
      const answer = await waitForAnswer(page, 0, 'done');
      await answer.getByRole('button', { name: '第23条', exact: true }).first().click();
      await page
        .getByRole('dialog', { name: '提升城市功能品质' })
        .locator('mark.quote-mark')
        .first()
        .waitFor({ state: 'visible' });
      await page.keyboard.press('Escape');
      await page.getByRole('searchbox', { name: '筛选条目或搜索全文' }).fill('绿电');
      await page.locator('.search-results .search-hit').first().waitFor({ state: 'visible' });

      expect(watch.cspConsole).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
    });

    it('ships at most 100 KB of gzipped JavaScript', async () => {
      const file = path.join(suite.webDir, 'app.js');
      const gzipped = gzipSync(readFileSync(file)).length;
      expect(gzipped).toBeGreaterThan(1000);
      expect(gzipped).toBeLessThanOrEqual(100 * 1024);
      // The page loads exactly that file.
      const served = await fetch(`${suite.server.baseURL}/app.js`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toMatch(/javascript/);
      expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    });
  },
);
