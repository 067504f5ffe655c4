import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { chunkPlan } from '../chunk-plan.ts';
import { indexTextOf } from '../index-text.ts';
import { parsePlan } from '../parse-plan.ts';

/** Every string value of a JSON value (keys are names of fields, not text). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The .json and .txt files under a directory, recursively, but `skip`. */
function dataFiles(dir: string, skip: ReadonlySet<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (skip.has(file)) return [];
    if (entry.isDirectory()) return dataFiles(file, skip);
    return /\.(json|txt)$/.test(entry.name) ? [file] : [];
  });
}

/**
 * What the tokenizer reads of this project, normalised as it reads it: the document as parsed, chunked and indexed
 * (its chunks' index texts join a heading to its text), and every text of the data files (term maps, plan terms, cue
 * words, glossary, topics). A trimmed dictionary keeps every word occurring in them, so they segment as before.
 */
export function textsToSegment(
  sourceText: string,
  dataDir: string,
  skip: readonly string[] = [],
): string[] {
  const document = parsePlan(sourceText, 'source');
  const chunks = chunkPlan(document);
  const texts = [
    sourceText,
    document.title,
    document.adoptionNote,
    document.preamble,
    document.closing,
    ...document.parts.flatMap((part) => [part.title, part.intro]),
    ...document.articles.flatMap((article) => [article.title, article.text]),
    ...document.mainGoals.flatMap((goal) => [goal.label, goal.text]),
    ...chunks.flatMap((chunk) => [chunk.text, indexTextOf(chunk)]),
  ];
  for (const file of dataFiles(dataDir, new Set(skip))) {
    const content = readFileSync(file, 'utf8');
    texts.push(...(file.endsWith('.json') ? stringsOf(JSON.parse(content)) : content.split('\n')));
  }
  return texts.map(normalizeForMatch).filter((text) => text !== '');
}
