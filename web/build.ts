// Bundles the chat page into web/dist (git-ignored). The server calls
// buildWeb() on start-up; `npx tsx web/build.ts` does the same by hand.
import { build } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCitationMarker } from '../core/citation-marker.ts';
import { DATA_DIR, PROJECT_ROOT } from '../ingest/project-paths.ts';

/** The page's sources (from the package root, so that a build of this file in dist/ finds them too). */
const webDir = path.join(PROJECT_ROOT, 'web');
/** Copied as they are: [source in web/, destination in the output directory]. */
const STATIC_FILES = [
  ['index.html', 'index.html'],
  ['styles.css', 'styles.css'],
  ['admin.html', 'admin/index.html'],
  ['admin.css', 'admin/admin.css'],
] as const;

/** Where the citation marker's template (key `marker`) is configured for the server and the page alike. */
export const ANSWER_TEMPLATES_FILE = path.join(DATA_DIR, 'answer-templates.json');

/**
 * The constants injected into the bundle (declared in web/src/build-constants.d.ts), as esbuild `define` values.
 * Throws when the marker template is missing or malformed, so a bad data file fails the build, not the page.
 */
export async function webDefines(
  answerTemplatesFile: string = ANSWER_TEMPLATES_FILE,
): Promise<Record<string, string>> {
  const templates = JSON.parse(await readFile(answerTemplatesFile, 'utf8')) as { marker?: unknown };
  if (typeof templates.marker !== 'string')
    throw new Error(`${answerTemplatesFile}: "marker" must be a string`);
  createCitationMarker(templates.marker); // validates: {article} exactly once, with text around it
  return { __CITATION_MARKER_TEMPLATE__: JSON.stringify(templates.marker) };
}

export async function buildWeb(outDir: string = path.join(webDir, 'dist')): Promise<void> {
  await mkdir(path.join(outDir, 'admin'), { recursive: true });
  await build({
    // The chat page, and the staff insight page (served at /admin only when ADMIN_TOKEN is set).
    entryPoints: [
      { in: path.join(webDir, 'src', 'main.ts'), out: 'app' },
      { in: path.join(webDir, 'src', 'admin', 'admin-main.ts'), out: 'admin/admin' },
    ],
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    define: await webDefines(),
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8', // keep Chinese strings readable and smaller than \u escapes
    logLevel: 'warning',
  });
  await Promise.all(
    STATIC_FILES.map(([from, to]) => copyFile(path.join(webDir, from), path.join(outDir, to))),
  );
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
