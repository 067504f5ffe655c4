import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lineCount, SpanList, WordTable } from '../word-table.ts';

const require = createRequire(import.meta.url);

/**
 * Inverse document frequencies from jieba's general-language corpus (shipped with nodejieba), so that the offline
 * embedder weighs 固态电池 above 发展 without depending on this document's own statistics.
 */
export interface GeneralIdf {
  weight(token: string): number;
}

let cached: GeneralIdf | undefined;

export function loadGeneralIdf(): GeneralIdf {
  if (cached) return cached;
  const jiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  const file = path.join(jiebaDir, 'submodules', 'cppjieba', 'dict', 'idf.utf8');
  // `word value` lines; the words stay spans of the file's text (see WordTable).
  const text = readFileSync(file, 'utf8');
  const spans = new SpanList(lineCount(text));
  let total = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const space = text.lastIndexOf(' ', end - 1);
    if (space > start) {
      const value = Number(text.slice(space + 1, end));
      if (Number.isFinite(value)) {
        spans.add(start, space, value);
        total += value;
      }
    }
    start = end + 1;
  }
  const table = WordTable.fromSpans(text, spans.spans());
  // Words missing from the general corpus are rare there, so they get a high weight: the table's mean.
  const unknownWeight = table.size > 0 ? total / table.size : 10;
  cached = { weight: (token) => table.get(token) ?? unknownWeight };
  return cached;
}
