import { readFileSync } from 'node:fs';
import { dataFile } from '../../ingest/project-paths.ts';

type TemplateTree = { [key: string]: string | TemplateTree };

let templates: TemplateTree | undefined;

/** Fills a template from data/answer-templates.json, e.g. fill('staff.lead', {article: 12, title: '…'}). */
export function fill(key: string, values: Record<string, string | number> = {}): string {
  templates ??= JSON.parse(readFileSync(dataFile('answer-templates.json'), 'utf8')) as TemplateTree;
  let node: string | TemplateTree | undefined = templates;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`answer template ${key} does not exist`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`answer template ${key} needs {${name}}`);
    return TITLE_FIELDS.has(name) ? nestQuotes(String(values[name])) : String(values[name]);
  });
}

/** Titles are set inside “…” by the templates, so quotes within a title become the nested form ‘…’. */
const TITLE_FIELDS = new Set(['title', 'partTitle']);

function nestQuotes(text: string): string {
  return text.replace(/“/g, '‘').replace(/”/g, '’');
}

export function citationMarker(article: number): string {
  return fill('marker', { article });
}

/** 第12条: how an article is named in text. */
export function articleLabel(article: number): string {
  return fill('articleLabel', { article });
}
