import path from 'node:path';
import { z } from 'zod';
import { DataFileError, readJsonLinesFile } from '../ingest/read-data-file.ts';

export const CATEGORIES = [
  'staff',
  'citizen',
  'trainer',
  'multi',
  'followup',
  'out_of_scope',
  'adversarial',
  'structure',
] as const;

export const EvalItemSchema = z.object({
  id: z.string().min(1),
  category: z.enum(CATEGORIES),
  question: z.string().min(1).max(1000),
  history: z
    .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() }))
    .max(20)
    .optional(),
  gold: z.array(z.number().int().positive()),
  acceptable: z.array(z.number().int().positive()).optional(),
  facts: z.array(z.string().min(1)).optional(),
  answerable: z.boolean(),
});

/** One evaluation question, written by reading the document: the articles that answer it and the phrases a correct answer contains. */
export type EvalItem = z.infer<typeof EvalItemSchema>;
export type Category = EvalItem['category'];

/** Reads a JSONL dataset (a path relative to the working directory, or absolute); an error names the file and line. */
export function loadDataset(file: string): EvalItem[] {
  const absolute = path.resolve(file);
  const lines = readJsonLinesFile(EvalItemSchema, absolute);
  const firstLine = new Map<string, number>();
  for (const { line, value } of lines) {
    const earlier = firstLine.get(value.id);
    if (earlier !== undefined)
      throw new DataFileError(
        absolute,
        'invalid',
        `line ${line}: duplicate id ${value.id} (first on line ${earlier})`,
        `line ${line}`,
      );
    firstLine.set(value.id, line);
  }
  return lines.map(({ value }) => value);
}
