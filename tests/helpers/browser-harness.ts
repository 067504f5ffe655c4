// Shared set-up for the real-browser tests in tests/browser: builds the web page
// into a temp dir, serves it from the real Express app on loopback, and drives
// Debian's chromium through playwright-core (no browser is ever downloaded).
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { buildWeb } from '../../web/build.ts';
import { buildPlanIndex, makeTempDir, type BuiltIndex } from './plan-index.ts';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Generous limits: the suite shares two CPUs with other test files. */
export const UI_TIMEOUT = 30_000;

export const SCREENSHOT_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'screenshots',
);

export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
};
export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Builds web/ with the project's own build into a fresh temp dir. */
export async function buildWebToTemp(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('plan-web-');
  await buildWeb(temp.dir);
  return temp;
}

export interface PageServer {
  baseURL: string;
  testApp: TestApp;
  close: () => Promise<void>;
}

/** The real app (createTestApp) listening on 127.0.0.1, port 0. */
export async function startPageServer(
  options: TestAppOptions & { webDir: string; built: BuiltIndex },
): Promise<PageServer> {
  const testApp = await createTestApp(options);
  const server: Server = testApp.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    testApp,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testApp.cleanup();
    },
  };
}

/** What a page did that a test may want to assert on afterwards. */
export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Console messages that mention a Content Security Policy. */
  cspConsole: string[];
}

// Runs in the page before its own scripts (injected over CDP, so CSP does not
// apply). Records CSP violations, any <img> ever added, alert() calls, and the
// data-status values each assistant message passes through.
const INIT_SCRIPT = `(() => {
  const w = window;
  w.__cspViolations = [];
  w.__imgAdded = 0;
  w.__xssFired = false;
  w.__statusLog = {};
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  const originalAlert = w.alert;
  w.alert = function (...args) { w.__xssFired = true; return originalAlert.apply(this, args); };
  const record = (node) => {
    if (!(node instanceof Element)) return;
    if (node.tagName === 'IMG' || node.querySelector('img')) w.__imgAdded++;
  };
  const logStatus = (el) => {
    const id = el.getAttribute('data-message-id');
    const status = el.getAttribute('data-status');
    if (!id || !status) return;
    const log = (w.__statusLog[id] = w.__statusLog[id] || []);
    if (log[log.length - 1] !== status) log.push(status);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') logStatus(r.target);
      for (const n of r.addedNodes) {
        record(n);
        if (n instanceof Element) n.querySelectorAll('[data-status]').forEach(logStatus);
        if (n instanceof Element && n.hasAttribute('data-status')) logStatus(n);
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(UI_TIMEOUT);
  await context.addInitScript({ content: INIT_SCRIPT });
  const page = await context.newPage();
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], dialogs: [], cspConsole: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') watch.consoleErrors.push(text);
    if (/content security policy|content-security-policy/i.test(text)) watch.cspConsole.push(text);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(String(err)));
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return { context, page, watch };
}

/** Opens the page and waits until the outline has loaded (the app is fully wired). */
export async function openChat(page: Page, baseURL: string): Promise<void> {
  await page.goto(baseURL + '/');
  await page.getByRole('textbox', { name: '输入问题' }).waitFor();
  await page
    .locator('nav#outline .outline__articles a.article-link')
    .first()
    .waitFor({ state: 'attached' });
}

export function questionBox(page: Page): Locator {
  return page.getByRole('textbox', { name: '输入问题' });
}

/** Types a question and presses Enter, as a user would. */
export async function ask(page: Page, question: string): Promise<void> {
  const box = questionBox(page);
  await box.fill(question);
  await box.press('Enter');
}

export function assistantMessages(page: Page): Locator {
  return page.locator('article.msg.msg--assistant');
}

/** Waits until the n-th (0-based) assistant message leaves "streaming", checks its status and returns it. */
export async function waitForAnswer(
  page: Page,
  index: number,
  status: 'done' | 'stopped' | 'error' = 'done',
): Promise<Locator> {
  const msg = assistantMessages(page).nth(index);
  await msg
    .and(page.locator('[data-status]:not([data-status="streaming"])'))
    .waitFor({ timeout: UI_TIMEOUT });
  const actual = await msg.getAttribute('data-status');
  if (actual !== status) {
    throw new Error(
      `assistant message ${index} ended as "${actual}", expected "${status}": ${await msg.innerText()}`,
    );
  }
  return msg;
}

/** data-status values each assistant message went through, keyed by message id. */
export function statusLog(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate('window.__statusLog') as Promise<Record<string, string[]>>;
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate('window.__cspViolations') as Promise<string[]>;
}

/**
 * Share of the element visible in the viewport, clipping by scrolled ancestors
 * included (IntersectionObserver with the viewport as root), as toBeInViewport does.
 */
export function visibleRatio(locator: Locator): Promise<number> {
  return locator.evaluate(
    (el: any) =>
      new Promise<number>((resolve) => {
        const Observer = el.ownerDocument.defaultView.IntersectionObserver;
        const observer = new Observer((entries: Array<{ intersectionRatio: number }>) => {
          observer.disconnect();
          resolve(entries[0]?.intersectionRatio ?? 0);
        });
        observer.observe(el);
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

/** Everything a test file needs: index, built page, server and browser, torn down together. */
export interface BrowserSuite {
  server: PageServer;
  browser: Browser;
  webDir: string;
  built: BuiltIndex;
  close: () => Promise<void>;
}

export async function startBrowserSuite(
  options: Omit<TestAppOptions, 'webDir' | 'built'> = {},
): Promise<BrowserSuite> {
  const [web, built, browser] = await Promise.all([
    buildWebToTemp(),
    buildPlanIndex(),
    launchChromium(),
  ]);
  const server = await startPageServer({ ...options, webDir: web.dir, built });
  return {
    server,
    browser,
    webDir: web.dir,
    built,
    close: async () => {
      await browser.close().catch(() => {});
      await server.close();
      await built.cleanup();
      await web.cleanup();
    },
  };
}
