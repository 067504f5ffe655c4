// A browser suite whose server also answers /api/topics and /api/glossary from the project's real data
// (createTestApp mounts the topic guide and glossary); `serves` records that both endpoints answer.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { buildWebToTemp, launchChromium, type BrowserSuite } from './browser-harness.ts';
import { buildPlanIndex } from './plan-index.ts';
import { createTestApp } from './test-app.ts';

export interface ExtrasSuite extends BrowserSuite {
  /** Which of the two endpoints the server answers with 200. */
  serves: { topics: boolean; glossary: boolean };
}

async function listen(app: Express): Promise<{ server: Server; baseURL: string }> {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return { server, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

async function probe(baseURL: string): Promise<{ topics: boolean; glossary: boolean }> {
  const ok = async (p: string) => (await fetch(baseURL + p)).status === 200;
  return { topics: await ok('/api/topics'), glossary: await ok('/api/glossary') };
}

export async function startExtrasSuite(): Promise<ExtrasSuite> {
  const [web, built, browser] = await Promise.all([
    buildWebToTemp(),
    buildPlanIndex(),
    launchChromium(),
  ]);
  const testApp = await createTestApp({ webDir: web.dir, built });
  const { server, baseURL } = await listen(testApp.app);
  const serves = await probe(baseURL);
  const running = server;
  return {
    server: {
      baseURL,
      testApp,
      close: async () => {
        await stop(running);
        await testApp.cleanup();
      },
    },
    browser,
    webDir: web.dir,
    built,
    serves,
    close: async () => {
      await browser.close().catch(() => {});
      await stop(running).catch(() => {});
      await built.cleanup();
      await web.cleanup();
    },
  };
}
