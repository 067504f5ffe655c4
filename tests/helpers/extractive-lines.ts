import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { dataFile } from '../../ingest/project-paths.ts';

type TemplateTree = { [key: string]: string | TemplateTree };

const NUMERAL = '[一二三四五六七八九十百零〇]+';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function flatten(tree: TemplateTree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    if (key.startsWith('$')) return [];
    const name = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[name, value]] : flatten(value, name);
  });
}

/** A template as a whole-string pattern: numbers for {article}, Chinese numerals for {partChinese}/{ordinal}, anything else for the rest. */
function templatePattern(template: string): string {
  return escapeRegExp(template).replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
    if (name === 'article' || name === 'last' || name === 'count' || name === 'part') return '\\d+';
    if (name === 'partChinese' || name === 'ordinal') return NUMERAL;
    return '.+';
  });
}

let connectives: RegExp[] | undefined;

/** Connective texts of data/answer-templates.json (everything but the quote and marker wrappers), as whole-line patterns. */
export function connectivePatterns(): RegExp[] {
  if (connectives) return connectives;
  const tree = JSON.parse(readFileSync(dataFile('answer-templates.json'), 'utf8')) as TemplateTree;
  connectives = flatten(tree)
    .filter(([name]) => name !== 'quote' && name !== 'marker')
    .map(([, template]) => new RegExp(`^${templatePattern(template)}$`, 'u'));
  return connectives;
}

function isConnective(text: string): boolean {
  return connectivePatterns().some((pattern) => pattern.test(text));
}

/**
 * Asserts that an offline answer states nothing of its own: every line is connective template text, or (optionally
 * after such text) a “verbatim quote” of article N followed by its marker 〔第N条〕. Returns the articles quoted.
 */
export async function expectExtractiveLines(answer: string, textOf: (article: number) => Promise<string>): Promise<number[]> {
  const quoted: number[] = [];
  const lines = answer.split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.trim(), 'no blank lines').not.toBe('');
    if (isConnective(line)) continue;
    const marker = /〔第(\d+)条〕$/.exec(line);
    expect(marker, `line is neither template text nor a quote with its marker: ${line}`).not.toBeNull();
    const article = Number(marker![1]);
    const body = line.slice(0, marker!.index);
    expect(body.endsWith('”'), `a quote must close right before its marker: ${line}`).toBe(true);
    const text = await textOf(article);
    // The quote may itself contain “…” (the document quotes slogans), so try every opening mark.
    const splits = [...body.matchAll(/“/g)].map((match) => match.index ?? 0);
    const valid = splits.some((at) => {
      const prefix = body.slice(0, at);
      const quote = body.slice(at + 1, -1);
      return quote.length > 0 && text.includes(quote) && (prefix === '' || isConnective(prefix));
    });
    expect(valid, `not a verbatim quote of article ${article} after template text: ${line}`).toBe(true);
    quoted.push(article);
  }
  return [...new Set(quoted)];
}
