// Bundles the chat page into web/dist (git-ignored). The server calls
// buildWeb() on start-up; `npx tsx web/build.ts` does the same by hand.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const STATIC_FILES = ['index.html', 'styles.css'] as const;

export async function buildWeb(outDir: string = path.join(webDir, 'dist')): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(webDir, 'src', 'main.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8', // keep Chinese strings readable and smaller than \u escapes
    logLevel: 'warning',
  });
  await Promise.all(STATIC_FILES.map((f) => copyFile(path.join(webDir, f), path.join(outDir, f))));
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  buildWeb().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
