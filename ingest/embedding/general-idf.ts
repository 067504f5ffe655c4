import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Inverse document frequencies from jieba's general-language corpus (shipped with nodejieba), so that the offline
 * embedder weighs 固态电池 above 发展 without depending on this document's own statistics.
 */
export interface GeneralIdf {
  weight(token: string): number;
}

let cached: GeneralIdf | undefined;

const NEWLINE = 0x0a;
const SPACE = 0x20;

export function loadGeneralIdf(): GeneralIdf {
  if (cached) return cached;
  const jiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  const file = path.join(jiebaDir, 'submodules', 'cppjieba', 'dict', 'idf.utf8');
  // `word value` lines, read from the bytes: decoding the 6 MB file into one string and splitting it into lines
  // would leave tens of MB of garbage in the process's resident memory.
  const bytes = readFileSync(file);
  const table = new Map<string, number>();
  let total = 0;
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const space = bytes.lastIndexOf(SPACE, end - 1);
    if (space > start) {
      const value = Number(bytes.toString('latin1', space + 1, end));
      if (Number.isFinite(value)) {
        table.set(bytes.toString('utf8', start, space), value);
        total += value;
      }
    }
    start = end + 1;
  }
  // Words missing from the general corpus are rare there, so they get a high weight: the table's mean.
  const unknownWeight = table.size > 0 ? total / table.size : 10;
  cached = { weight: (token) => table.get(token) ?? unknownWeight };
  return cached;
}
