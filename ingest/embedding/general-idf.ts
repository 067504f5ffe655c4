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

export function loadGeneralIdf(): GeneralIdf {
  if (cached) return cached;
  const jiebaDir = path.dirname(require.resolve('nodejieba/package.json'));
  const file = path.join(jiebaDir, 'submodules', 'cppjieba', 'dict', 'idf.utf8');
  const table = new Map<string, number>();
  let total = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) {
      table.set(line.slice(0, space), value);
      total += value;
    }
  }
  // Words missing from the general corpus are rare there, so they get a high weight: the table's mean.
  const unknownWeight = table.size > 0 ? total / table.size : 10;
  cached = { weight: (token) => table.get(token) ?? unknownWeight };
  return cached;
}
