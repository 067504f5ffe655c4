import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package's root: the nearest directory above this module that holds a package.json. The same answer whether the
 * module runs from the sources (ingest/) or from the build (dist/ingest/), in a clone or in an installed package.
 */
function packageRoot(): string {
  const moduleDir = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = moduleDir; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(moduleDir, '..');
  }
}

/** Absolute paths of files the project ships, independent of the working directory. */
export const PROJECT_ROOT = packageRoot();
export const DATA_DIR = path.join(PROJECT_ROOT, 'data');
export const DEFAULT_SOURCE_FILE = path.join(DATA_DIR, 'wuhai-15th-fyp-proposal.txt');
export const DEFAULT_INDEX_DIR = path.join(PROJECT_ROOT, '.index');
export const PROMPTS_DIR = path.join(PROJECT_ROOT, 'prompts');
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'web', 'dist');

export function dataFile(...segments: string[]): string {
  return path.join(DATA_DIR, ...segments);
}
