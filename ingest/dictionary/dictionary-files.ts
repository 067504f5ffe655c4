import { createRequire } from 'node:module';
import path from 'node:path';
import { dataFile } from '../project-paths.ts';

const require = createRequire(import.meta.url);

/** jieba's own dictionaries, as nodejieba ships them. */
export const JIEBA_DICT_DIR = path.join(
  path.dirname(require.resolve('nodejieba/package.json')),
  'submodules',
  'cppjieba',
  'dict',
);

/** jieba's full main dictionary (~350,000 words): the source of the trimmed one. */
export const FULL_DICTIONARY_FILE = path.join(JIEBA_DICT_DIR, 'jieba.dict.utf8');

/**
 * The main dictionary the tokenizer loads, trimmed from the full one by `npm run build:dictionary` (run by npm install's
 * `prepare`; generated, git-ignored).
 */
export const TRIMMED_DICTIONARY_FILE = dataFile('dict', 'jieba', 'main.dict.utf8');
