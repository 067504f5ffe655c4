import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute paths of files the project ships, independent of the working directory. */
export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DATA_DIR = path.join(PROJECT_ROOT, 'data');
export const DEFAULT_SOURCE_FILE = path.join(DATA_DIR, 'wuhai-15th-fyp-proposal.txt');
export const DEFAULT_INDEX_DIR = path.join(PROJECT_ROOT, '.index');
export const PROMPTS_DIR = path.join(PROJECT_ROOT, 'prompts');
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'web', 'dist');

export function dataFile(...segments: string[]): string {
  return path.join(DATA_DIR, ...segments);
}
