import { expect } from 'vitest';
import { z } from 'zod';
import { createCitationMarker, type CitationMarker } from '../../core/citation-marker.ts';
import { fillTemplate, templateVariables } from '../../core/fill-template.ts';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';

type TemplateTree = { [key: string]: string | TemplateTree };

/** data/answer-templates.json: nested objects of template strings, with its citation marker at the top. */
const TemplateTreeSchema: z.ZodType<TemplateTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), TemplateTreeSchema])),
);
const AnswerTemplatesSchema = z.intersection(
  z.object({ marker: z.string().min(1) }),
  TemplateTreeSchema,
);

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

/** What a placeholder may stand for: numbers for {article}, Chinese numerals for {partChinese}/{ordinal}, anything else for the rest. */
function placeholderPattern(name: string): string {
  if (name === 'article' || name === 'last' || name === 'count' || name === 'part') return '\\d+';
  if (name === 'partChinese' || name === 'ordinal') return NUMERAL;
  return '.+';
}

/**
 * A template as a whole-string pattern. The template is filled through core/fill-template.ts with sentinels (which
 * survive escaping untouched), and each sentinel then becomes its placeholder's pattern.
 */
function templatePattern(name: string, template: string): string {
  const variables = templateVariables(template);
  // Private-use characters: never in a template, and untouched by escapeRegExp.
  const sentinel = (index: number) => `\uE000${index}\uE001`;
  const filled = fillTemplate(
    template,
    Object.fromEntries(variables.map((variable, index) => [variable, sentinel(index)])),
    { name },
  );
  return escapeRegExp(filled).replace(/\uE000(\d+)\uE001/g, (_, index: string) =>
    placeholderPattern(variables[Number(index)]!),
  );
}

function answerTemplates(): z.output<typeof AnswerTemplatesSchema> {
  return readJsonDataFile(AnswerTemplatesSchema, 'answer-templates.json');
}

let connectives: RegExp[] | undefined;
let citationMarker: CitationMarker | undefined;

/** Connective texts of data/answer-templates.json (everything but the quote and marker wrappers), as whole-line patterns. */
export function connectivePatterns(): RegExp[] {
  connectives ??= flatten(answerTemplates())
    .filter(([name]) => name !== 'quote' && name !== 'marker')
    .map(([name, template]) => new RegExp(`^${templatePattern(name, template)}$`, 'u'));
  return connectives;
}

/** The answers' citation marker, from the template in data/answer-templates.json `marker`. */
export function answerMarker(): CitationMarker {
  citationMarker ??= createCitationMarker(answerTemplates().marker);
  return citationMarker;
}

function isConnective(text: string): boolean {
  return connectivePatterns().some((pattern) => pattern.test(text));
}

/**
 * Asserts that an offline answer states nothing of its own: every line is connective template text, or (optionally
 * after such text) a “verbatim quote” of article N followed by its marker (〔第N条〕). Returns the articles quoted.
 */
export async function expectExtractiveLines(
  answer: string,
  textOf: (article: number) => Promise<string>,
): Promise<number[]> {
  const marker = answerMarker();
  const quoted: number[] = [];
  const lines = answer.split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.trim(), 'no blank lines').not.toBe('');
    if (isConnective(line)) continue;
    const article = marker.trailingArticle(line);
    expect(
      article,
      `line is neither template text nor a quote with its marker: ${line}`,
    ).not.toBeNull();
    const body = line.slice(0, line.length - marker.format(article!).length);
    expect(body.endsWith('”'), `a quote must close right before its marker: ${line}`).toBe(true);
    const text = await textOf(article!);
    // The quote may itself contain “…” (the document quotes slogans), so try every opening mark.
    const splits = [...body.matchAll(/“/g)].map((match) => match.index ?? 0);
    const valid = splits.some((at) => {
      const prefix = body.slice(0, at);
      const quote = body.slice(at + 1, -1);
      return quote.length > 0 && text.includes(quote) && (prefix === '' || isConnective(prefix));
    });
    expect(valid, `not a verbatim quote of article ${article} after template text: ${line}`).toBe(
      true,
    );
    quoted.push(article!);
  }
  return [...new Set(quoted)];
}
