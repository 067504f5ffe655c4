// Per-test browser contexts for tests/browser: one fresh context (so fresh
// localStorage) per test, closed in afterEach after checking that the page hit
// no CSP violation and threw no uncaught error.
import { afterEach, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { cspViolations, DESKTOP, newPage, type PageWatch } from './browser-harness.ts';

export interface Session {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

/** Registers the afterEach hook; call once per test file, then `await open()` inside each test. */
export function useSessions(
  getBrowser: () => Browser,
): (options?: BrowserContextOptions) => Promise<Session> {
  let sessions: Session[] = [];

  afterEach(async () => {
    const done = sessions;
    sessions = [];
    try {
      for (const { page, watch } of done) {
        const violations = page.isClosed() ? [] : await cspViolations(page).catch(() => []);
        expect(watch.cspConsole, 'console messages about CSP').toEqual([]);
        expect(violations, 'securitypolicyviolation events').toEqual([]);
        expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
      }
    } finally {
      await Promise.all(done.map((s) => s.context.close().catch(() => {})));
    }
  });

  return async (options = DESKTOP) => {
    const session = await newPage(getBrowser(), options);
    sessions.push(session);
    return session;
  };
}
