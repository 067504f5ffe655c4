import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DATA_DIR, PROJECT_ROOT } from './project-paths.ts';

/**
 * The one way the project reads its data files (data/…): read, validate, cache.
 *
 * Path segments are resolved against data/ (`readJsonDataFile(Schema, 'dict', 'query-framing.json')`); an absolute
 * first segment reads that file instead (a test's temporary copy, another data directory, evals/thresholds.json).
 * Each file is read once per process and per schema; the value handed out is deep-frozen, because every caller
 * shares it. A read that fails is not cached, so a repaired file is picked up by the next call.
 */

export type DataFileProblem = 'unreadable' | 'not-json' | 'invalid';

/** A data file that could not be read, is not well-formed, or fails its schema; the message names the file and the field or line. */
export class DataFileError extends Error {
  override name = 'DataFileError';

  constructor(
    /** Absolute path of the file. */
    readonly file: string,
    readonly problem: DataFileProblem,
    /** What is wrong, without the file name: `quiz.blank: Invalid input: expected string, received undefined`. */
    readonly detail: string,
    /** The failing field (`topics[0].terms`) or line (`line 12`), when there is one. */
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(`${displayPath(file)}: ${detail}`, options);
  }
}

/** data/… or evals/… for files of the project, the absolute path for anything else. */
export function displayPath(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/');
}

/** The absolute path of a data file: segments under data/, or an absolute path as given. */
export function dataFilePath(...segments: string[]): string {
  if (segments.length === 0) throw new Error('dataFilePath needs at least one path segment');
  return path.resolve(DATA_DIR, ...segments);
}

/** A zod issue path as a field name: `topics[0].terms`, `(root)` for the whole file. */
function fieldName(issuePath: readonly PropertyKey[]): string {
  let name = '';
  for (const key of issuePath)
    name += typeof key === 'number' ? `[${key}]` : `${name === '' ? '' : '.'}${String(key)}`;
  return name || '(root)';
}

function invalid(file: string, error: z.ZodError, where?: string): DataFileError {
  const [first, ...rest] = error.issues;
  const field = fieldName(first?.path ?? []);
  const located = where ? `${where}: ${field}` : field;
  const more =
    rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return new DataFileError(
    file,
    'invalid',
    `${located}: ${first?.message ?? 'invalid'}${more}`,
    located,
    { cause: error },
  );
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new DataFileError(file, 'unreadable', `cannot be read (${reason})`, undefined, {
      cause: error,
    });
  }
}

function parseJson(file: string, text: string, where?: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataFileError(
      file,
      'not-json',
      `${where ? `${where}: ` : ''}is not valid JSON (${reason})`,
      where,
      { cause: error },
    );
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Values per schema, then per file: two readers of one file with different schemas each get their own view. */
const jsonCache = new WeakMap<z.ZodType, Map<string, unknown>>();

function cached<T>(schema: z.ZodType, file: string, read: () => T): T {
  let byFile = jsonCache.get(schema);
  if (!byFile) jsonCache.set(schema, (byFile = new Map()));
  if (byFile.has(file)) return byFile.get(file) as T;
  const value = deepFreeze(read());
  byFile.set(file, value);
  return value;
}

/**
 * Reads data/<segments>, parses it as JSON and validates it with `schema`; the parsed (defaulted, transformed)
 * value is cached per file. Throws DataFileError naming the file and the first failing field.
 */
export function readJsonDataFile<Schema extends z.ZodType>(
  schema: Schema,
  ...segments: string[]
): z.output<Schema> {
  const file = dataFilePath(...segments);
  return cached(schema, file, () => {
    const result = schema.safeParse(parseJson(file, readText(file)));
    if (!result.success) throw invalid(file, result.error);
    return result.data;
  });
}

/** One value of a JSON Lines file with the (1-based) line it came from, for errors that point at the line. */
export interface JsonLine<T> {
  line: number;
  value: T;
}

/** Reads a JSON Lines file (one JSON value per non-blank line), each line validated with `schema`; cached per file. */
export function readJsonLinesFile<Schema extends z.ZodType>(
  schema: Schema,
  ...segments: string[]
): ReadonlyArray<JsonLine<z.output<Schema>>> {
  const file = dataFilePath(...segments);
  return cached(schema, file, () => {
    const values: Array<JsonLine<z.output<Schema>>> = [];
    readText(file)
      .split(/\r?\n/)
      .forEach((text, index) => {
        if (text.trim() === '') return;
        const where = `line ${index + 1}`;
        const result = schema.safeParse(parseJson(file, text, where));
        if (!result.success) throw invalid(file, result.error, where);
        values.push({ line: index + 1, value: result.data });
      });
    return values;
  });
}

/** A heading of a term list and the terms under it, in file order. */
export interface TermGroup {
  group: string;
  terms: string[];
}

export interface TermList {
  /** Every term of the file, in order, headings and comments excluded. */
  terms: string[];
  /** The `[heading]` groups, in order; empty for a file without headings. Terms before the first heading belong to none. */
  groups: TermGroup[];
}

const HEADING = /^\[(.*)\]$/;

/**
 * The term-list format of data/dict/*.txt: one term per line (UTF-8, no whitespace inside a term); blank lines are
 * ignored; a line starting with `#` is a comment, wherever it is; a `[heading]` line starts a group of the terms
 * that follow it (plan-terms.txt's groups feed the quiz's distractors). A heading is named once and holds at least
 * one term. `file` only names the file in errors.
 */
export function parseTermList(text: string, file: string): TermList {
  const terms: string[] = [];
  const groups: TermGroup[] = [];
  const headingLines = new Map<string, number>();
  const fail = (lineNumber: number, detail: string) =>
    new DataFileError(file, 'invalid', `line ${lineNumber}: ${detail}`, `line ${lineNumber}`);
  const checkLastGroup = () => {
    const last = groups.at(-1);
    if (last && last.terms.length === 0)
      throw fail(headingLines.get(last.group)!, `group [${last.group}] has no terms`);
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const heading = HEADING.exec(line);
    if (heading) {
      const group = (heading[1] ?? '').trim();
      if (group === '') throw fail(lineNumber, 'empty group heading []');
      if (headingLines.has(group))
        throw fail(
          lineNumber,
          `group [${group}] is already named on line ${headingLines.get(group)}`,
        );
      checkLastGroup();
      headingLines.set(group, lineNumber);
      groups.push({ group, terms: [] });
      return;
    }
    if (line.startsWith('[') || line.endsWith(']'))
      throw fail(lineNumber, `malformed group heading ${line} (write [name])`);
    if (/\s/.test(line)) throw fail(lineNumber, `a term may not contain whitespace: ${line}`);
    terms.push(line);
    groups.at(-1)?.terms.push(line);
  });
  checkLastGroup();
  return { terms, groups };
}

const termListCache = new Map<string, TermList>();

function readTermListOnce(segments: string[]): TermList {
  const file = dataFilePath(...segments);
  const hit = termListCache.get(file);
  if (hit) return hit;
  const list = deepFreeze(parseTermList(readText(file), file));
  termListCache.set(file, list);
  return list;
}

/** The terms of a term-list data file (see parseTermList), in order; cached per file. */
export function readTermListFile(...segments: string[]): readonly string[] {
  return readTermListOnce(segments).terms;
}

/** The `[heading]` groups of a term-list data file (see parseTermList), in order; cached per file. */
export function readTermGroupsFile(...segments: string[]): readonly TermGroup[] {
  return readTermListOnce(segments).groups;
}
