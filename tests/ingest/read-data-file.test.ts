import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadPlanTermGroups, loadPlanTerms } from '../../ingest/plan-terms.ts';
import {
  DataFileError,
  parseTermList,
  readJsonDataFile,
  readJsonLinesFile,
  readTermGroupsFile,
  readTermListFile,
} from '../../ingest/read-data-file.ts';
import { readTermList } from '../../ingest/tokenizer.ts';
import { dataFile } from '../../ingest/project-paths.ts';
import { loadDataset } from '../../evals/dataset.ts';
import { makeTempDir } from '../helpers/plan-index.ts';

const Rules = z.object({
  name: z.string(),
  limits: z.object({ max: z.number().int() }),
  tags: z.array(z.string()).default([]),
});

describe('readJsonDataFile', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  const write = (name: string, content: unknown): string => {
    const file = path.join(temp.dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  beforeAll(async () => {
    temp = await makeTempDir('read-data-file-');
  });
  afterAll(async () => {
    await temp?.cleanup();
  });

  it('reads a file under data/ by its segments, validated and with defaults applied', () => {
    const Templates = z.object({ marker: z.string() });
    expect(readJsonDataFile(Templates, 'answer-templates.json').marker).toBe('〔第{article}条〕');
    expect(readJsonDataFile(Rules, write('good.json', { name: 'a', limits: { max: 3 } }))).toEqual({
      name: 'a',
      limits: { max: 3 },
      tags: [],
    });
  });

  it('caches per file and schema, and hands out a frozen value', () => {
    const file = write('cached.json', { name: 'first', limits: { max: 1 } });
    const first = readJsonDataFile(Rules, file);
    writeFileSync(file, JSON.stringify({ name: 'second', limits: { max: 2 } }));
    expect(readJsonDataFile(Rules, file)).toBe(first);
    expect(
      Object.isFrozen(first) && Object.isFrozen(first.limits) && Object.isFrozen(first.tags),
    ).toBe(true);
    expect(() => {
      (first as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    // Another schema reads the file afresh.
    expect(readJsonDataFile(z.object({ name: z.string() }), file).name).toBe('second');
  });

  it('names the file and the failing field', () => {
    const file = write('bad-field.json', { name: 'a', limits: { max: 'many' } });
    expect(() => readJsonDataFile(Rules, file)).toThrow(DataFileError);
    try {
      readJsonDataFile(Rules, file);
    } catch (error) {
      const problem = error as DataFileError;
      expect(problem.file).toBe(file);
      expect(problem.problem).toBe('invalid');
      expect(problem.field).toBe('limits.max');
      expect(problem.message).toContain(file);
      expect(problem.message).toMatch(/limits\.max: .*number/);
    }
    expect(() =>
      readJsonDataFile(
        z.object({ items: z.array(z.object({ id: z.string() })) }),
        write('bad-item.json', { items: [{ id: 'a' }, { id: 2 }] }),
      ),
    ).toThrow(/bad-item\.json: items\[1\]\.id: /);
  });

  it('names the file when it is missing or not JSON, and does not cache the failure', () => {
    const missing = path.join(temp.dir, 'later.json');
    expect(() => readJsonDataFile(Rules, missing)).toThrow(
      /later\.json: cannot be read \(no such file\)/,
    );
    write('later.json', { name: 'now', limits: { max: 1 } });
    expect(readJsonDataFile(Rules, missing).name).toBe('now');
    expect(() => readJsonDataFile(Rules, write('broken.json', '{"name":'))).toThrow(
      /broken\.json: is not valid JSON/,
    );
  });

  it('shows project files relative to the project root', () => {
    expect(() =>
      readJsonDataFile(z.object({ marker: z.number() }), 'answer-templates.json'),
    ).toThrow(/^data\/answer-templates\.json: marker: /);
  });

  it('reads JSON Lines with the line of each value, and names the line that fails', () => {
    const Item = z.object({ id: z.string() });
    const file = write('items.jsonl', '{"id":"a"}\n\n{"id":"b"}\n');
    expect(readJsonLinesFile(Item, file)).toEqual([
      { line: 1, value: { id: 'a' } },
      { line: 3, value: { id: 'b' } },
    ]);
    expect(() => readJsonLinesFile(Item, write('bad.jsonl', '{"id":"a"}\n{"id":1}\n'))).toThrow(
      /bad\.jsonl: line 2: id: /,
    );
    expect(() => readJsonLinesFile(Item, write('broken.jsonl', '{"id":"a"}\n{id}\n'))).toThrow(
      /broken\.jsonl: line 2: is not valid JSON/,
    );
  });

  it('loadDataset reports a duplicate id with both lines', () => {
    const item = (id: string) =>
      JSON.stringify({ id, category: 'staff', question: 'q', gold: [1], answerable: true });
    expect(() =>
      loadDataset(write('dup.jsonl', [item('a'), item('b'), item('a')].join('\n'))),
    ).toThrow(/dup\.jsonl: line 3: duplicate id a \(first on line 1\)/);
  });
});

describe('the term-list format', () => {
  it('skips blank and # comment lines and reads [heading] lines as groups', () => {
    const list = parseTermList(
      '# a comment\n\n[能源]\n煤电\n# another comment\n风电\n\n[生态环境]\n五区一河\n',
      'x.txt',
    );
    expect(list.terms).toEqual(['煤电', '风电', '五区一河']);
    expect(list.groups).toEqual([
      { group: '能源', terms: ['煤电', '风电'] },
      { group: '生态环境', terms: ['五区一河'] },
    ]);
  });

  it('has no groups without headings; terms before the first heading belong to none', () => {
    expect(parseTermList('的\n了\n', 'x.txt')).toEqual({ terms: ['的', '了'], groups: [] });
    expect(parseTermList('甲\n[组]\n乙\n', 'x.txt')).toEqual({
      terms: ['甲', '乙'],
      groups: [{ group: '组', terms: ['乙'] }],
    });
  });

  it('rejects what it cannot read unambiguously, naming the file and line', () => {
    expect(() => parseTermList('[能源]\n煤电\n[能源]\n风电\n', 'x.txt')).toThrow(
      /x\.txt: line 3: group \[能源\] is already named on line 1/,
    );
    expect(() => parseTermList('[能源]\n[生态环境]\n五区一河\n', 'x.txt')).toThrow(
      /line 1: group \[能源\] has no terms/,
    );
    expect(() => parseTermList('[能源]\n', 'x.txt')).toThrow(/line 1: group \[能源\] has no terms/);
    expect(() => parseTermList('[]\n', 'x.txt')).toThrow(/line 1: empty group heading/);
    expect(() => parseTermList('[能源\n煤电\n', 'x.txt')).toThrow(
      /line 1: malformed group heading/,
    );
    expect(() => parseTermList('煤电 100 n\n', 'x.txt')).toThrow(
      /line 1: a term may not contain whitespace/,
    );
  });

  it('data/dict/plan-terms.txt: the flat list is the groups in order, and every group has terms', () => {
    const terms = loadPlanTerms();
    const groups = loadPlanTermGroups();
    expect(groups.length).toBeGreaterThanOrEqual(10);
    expect(groups.map((group) => group.group)).toContain('生态环境');
    expect(groups.flatMap((group) => group.terms)).toEqual([...terms]);
    expect(terms.some((term) => term.startsWith('[') || term.startsWith('#'))).toBe(false);
    expect(readTermListFile('dict', 'plan-terms.txt')).toBe(terms);
    expect(readTermGroupsFile('dict', 'plan-terms.txt')).toBe(groups);
    // The older reader, kept for existing callers, goes through the same parser.
    expect(readTermList(dataFile('dict', 'plan-terms.txt'))).toEqual([...terms]);
  });
});
