import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { installTarball, packProject, sh } from '../helpers/packed-package.ts';
import { makeTempDir } from '../helpers/plan-index.ts';

/**
 * The package as its users get it: packed (npm pack, whose prepack builds dist/), installed from the tarball into an
 * empty directory, and imported by its name. Slow (a TypeScript build and an npm install), so done once here.
 */
describe('guihua-wenda, packed and installed in a clean directory', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let tarball: string;
  let consumer: string;
  const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    sh(process.execPath, args, { cwd: consumer, env: { ...process.env, ...env } });

  beforeAll(async () => {
    temp = await makeTempDir('plan-package-');
    tarball = await packProject(temp.dir);
    consumer = await installTarball(temp.dir, tarball);
  }, 900_000);

  afterAll(async () => {
    await temp?.cleanup();
  });

  it('ships the build, its types, the document, the prompts and the page; not the sources or tests', async () => {
    const { stdout } = await sh('tar', ['-tzf', tarball], { cwd: temp.dir });
    const files = stdout.split('\n').map((line) => line.replace(/^package\//, ''));
    for (const file of [
      'package.json',
      'dist/server/library/index.js',
      'dist/server/library/index.d.ts',
      'data/wuhai-15th-fyp-proposal.txt',
      'data/answer-policy.json',
      'prompts/system.md',
      'web/dist/app.js',
      'web/dist/index.html',
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => /^(tests|evals|examples|\.index)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('`import("guihua-wenda")` → createPlanRetriever().invoke("冬天取暖") prints article 23’s metadata', async () => {
    const { stdout } = await node([
      '-e',
      "import('guihua-wenda').then(async m => console.log((await m.createPlanRetriever().invoke('冬天取暖'))[0].metadata))",
    ]);
    expect(stdout).toContain('article: 23,');
    expect(stdout).toContain("title: '提升城市功能品质'");
    expect(stdout).toContain('part: 7,');
    expect(stdout).toContain("citation: '〔第23条〕'");
  });

  it('runs the example chain, and the example type-checks against the published types', async () => {
    await copyFile(
      path.join(PROJECT_ROOT, 'examples', 'lcel-chain.ts'),
      path.join(consumer, 'lcel-chain.ts'),
    );
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [path.join(PROJECT_ROOT, 'node_modules', '@types')],
        },
        files: ['lcel-chain.ts'],
      }),
    );
    await sh(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc')], {
      cwd: consumer,
    });
    const { stdout } = await node(['--import', 'tsx', 'lcel-chain.ts', '冬天取暖有什么打算？']);
    expect(stdout).toContain('问：冬天取暖有什么打算？');
    expect(stdout).toMatch(/检索到的条文：\n {2}〔第23条〕提升城市功能品质/);
    expect(stdout).toContain('回答（offline）：');
    expect(stdout).toMatch(/引文：\n {2}〔第23条〕“[^”]+”/);
  });

  it('createApp from the package serves the API and the chat page', async () => {
    const script = `
      import('guihua-wenda').then(async ({ createApp }) => {
        const app = await createApp();
        const server = app.listen(0, '127.0.0.1', async () => {
          const origin = 'http://127.0.0.1:' + server.address().port;
          const page = await fetch(origin + '/');
          const chat = await fetch(origin + '/api/chat', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ message: '第12条讲什么？' }),
          });
          console.log(JSON.stringify({ page: page.status, html: await page.text(), chat: await chat.json() }));
          server.close();
        });
      });`;
    const { stdout } = await node(['-e', script], { LOG_LEVEL: 'silent' });
    const { page, html, chat } = JSON.parse(stdout) as {
      page: number;
      html: string;
      chat: { provider: string; citations: Array<{ article: number }> };
    };
    expect(page).toBe(200);
    expect(html).toContain('app.js');
    expect(chat.provider).toBe('offline');
    expect(chat.citations.map((citation) => citation.article)).toContain(12);
  });
});
