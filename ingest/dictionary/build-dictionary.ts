import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DATA_DIR, DEFAULT_SOURCE_FILE } from '../project-paths.ts';
import { FULL_DICTIONARY_FILE, TRIMMED_DICTIONARY_FILE } from './dictionary-files.ts';
import { textsToSegment } from './dictionary-texts.ts';
import { formatDictionary, parseDictionary, trimDictionary } from './trim-dictionary.ts';

/** How many of jieba's most frequent words the trimmed dictionary keeps besides the document's and the data's. */
export const COMMON_WORDS = 100_000;

/** The trimmed main dictionary for a document and the project's data files. */
export function buildTrimmedDictionary(sourceFile: string, commonWords = COMMON_WORDS): string {
  const full = parseDictionary(readFileSync(FULL_DICTIONARY_FILE, 'utf8'));
  const texts = textsToSegment(readFileSync(sourceFile, 'utf8'), DATA_DIR, [
    sourceFile,
    path.dirname(TRIMMED_DICTIONARY_FILE),
  ]);
  return formatDictionary(trimDictionary(full, { texts, commonWords }));
}

/** `npm run build:dictionary`: writes data/dict/jieba/main.dict.utf8 from nodejieba's full dictionary. */
function main(): void {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: DEFAULT_SOURCE_FILE },
      common: { type: 'string', default: String(COMMON_WORDS) },
    },
  });
  const dictionary = buildTrimmedDictionary(values.source!, Number(values.common));
  mkdirSync(path.dirname(TRIMMED_DICTIONARY_FILE), { recursive: true });
  writeFileSync(TRIMMED_DICTIONARY_FILE, dictionary);
  console.log(
    `${TRIMMED_DICTIONARY_FILE}: ${dictionary.split('\n').length - 1} words, ${Math.round(dictionary.length / 1024)} KB`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
