import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const CATEGORIES = ['staff', 'citizen', 'trainer', 'multi', 'followup', 'out_of_scope', 'adversarial'] as const;

export const EvalItemSchema = z.object({
  id: z.string().min(1),
  category: z.enum(CATEGORIES),
  question: z.string().min(1).max(1000),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).max(20).optional(),
  gold: z.array(z.number().int().positive()),
  acceptable: z.array(z.number().int().positive()).optional(),
  facts: z.array(z.string().min(1)).optional(),
  answerable: z.boolean(),
});

/** One evaluation question, written by reading the document: the articles that answer it and the phrases a correct answer contains. */
export type EvalItem = z.infer<typeof EvalItemSchema>;
export type Category = EvalItem['category'];

/** Reads a JSONL dataset; a malformed line is an error naming its line number. */
export function loadDataset(file: string): EvalItem[] {
  const items: EvalItem[] = [];
  const ids = new Set<string>();
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed;
      try {
        parsed = EvalItemSchema.parse(JSON.parse(line));
      } catch (error) {
        throw new Error(`${file}:${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (ids.has(parsed.id)) throw new Error(`${file}:${index + 1}: duplicate id ${parsed.id}`);
      ids.add(parsed.id);
      items.push(parsed);
    });
  return items;
}
