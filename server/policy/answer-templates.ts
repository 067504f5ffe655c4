import { z } from 'zod';
import { createCitationMarker, type CitationMarker } from '../../core/citation-marker.ts';
import { fillTemplate } from '../../core/fill-template.ts';

type TemplateTree = { [key: string]: string | TemplateTree };
const TemplateTreeSchema: z.ZodType<TemplateTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), TemplateTreeSchema])),
);

/** data/answer-templates.json: connective text of the answers, the citation marker and labels. */
export const AnswerTemplatesFile = z
  .object({
    marker: z.string(),
    quote: z.string(),
    articleLabel: z.string(),
    partLabel: z.string(),
  })
  .catchall(z.union([z.string(), TemplateTreeSchema]));

/** Titles are set inside “…” by the templates, so quotes within a title become the nested form ‘…’. */
const TITLE_FIELDS = new Set(['title', 'partTitle']);
const nestQuotes = (variable: string, value: string) =>
  TITLE_FIELDS.has(variable) ? value.replace(/“/g, '‘').replace(/”/g, '’') : value;

/** The answer templates, with the citation marker built from the same file so the format has one definition. */
export interface AnswerTemplates {
  /** Fills a template by its dotted key, e.g. fill('staff.lead', {article: 12, title: '…'}). */
  fill(key: string, values?: Record<string, string | number>): string;
  readonly marker: CitationMarker;
  /** 第12条: how an article is named in text. */
  articleLabel(articleNumber: number): string;
}

export function createAnswerTemplates(tree: z.output<typeof AnswerTemplatesFile>): AnswerTemplates {
  const lookup = (key: string): string => {
    let node: unknown = tree;
    for (const part of key.split('.'))
      node = node && typeof node === 'object' ? (node as TemplateTree)[part] : undefined;
    if (typeof node !== 'string') throw new Error(`answer template ${key} does not exist`);
    return node;
  };
  const fill = (key: string, values: Record<string, string | number> = {}) =>
    fillTemplate(lookup(key), values, { name: key, transform: nestQuotes });
  return {
    fill,
    marker: createCitationMarker(tree.marker),
    articleLabel: (articleNumber) => fill('articleLabel', { article: articleNumber }),
  };
}
