import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../ingest/project-paths.ts';
import { DataFileError, readJsonLinesFile } from '../ingest/read-data-file.ts';

/**
 * The evaluation's datasets, read as one: the main question set, and the refusal sets (unanswerable questions by
 * kind, near-misses, false premises), each written by reading the document.
 */
export const DEFAULT_DATASETS = [
  'questions.jsonl',
  'refusals.jsonl',
  'refusals-2.jsonl',
  'refusals-3.jsonl',
  'refusals-4.jsonl',
  'refusals-5.jsonl',
  'refusals-6.jsonl',
  'refusals-7.jsonl',
  'nearmiss-8.jsonl',
].map((file) => path.join(PROJECT_ROOT, 'evals', 'datasets', file));

export const CATEGORIES = [
  'staff',
  'citizen',
  'trainer',
  'multi',
  'followup',
  'out_of_scope',
  'adversarial',
  'structure',
  /** Questions a development plan cannot answer, by kind (REFUSAL_KINDS): evals/datasets/refusals.jsonl. */
  'unanswerable',
  /** Everyday questions that look off-topic but the plan answers (冬天暖气 → 清洁供暖). */
  'near_miss',
  /** Questions built on a claim the plan contradicts: answered with what it says. */
  'false_premise',
] as const;

/** The categories of the main question set (questions.jsonl); the others belong to the refusal sets. */
export const MAIN_CATEGORIES: ReadonlySet<Category> = new Set(CATEGORIES.slice(0, 8));

/**
 * Why a question cannot be answered from the plan: the kinds the refusal measures report one by one. Items of the
 * older categories without a kind (out_of_scope, adversarial) are reported under their category.
 */
export const REFUSAL_KINDS = [
  'realtime',
  'errand',
  'contact-recommendation',
  'other-place',
  'figure',
  'adjacent',
  'chitchat-creative',
  'roleplay-fabrication',
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
  /** For an unanswerable item: why the plan cannot answer it. */
  kind: z.enum(REFUSAL_KINDS).optional(),
  /** Articles with something genuinely related that a refusal may offer (not the answer). */
  related: z.array(z.number().int().positive()).optional(),
});

/** One evaluation question, written by reading the document: the articles that answer it and the phrases a correct answer contains. */
export type EvalItem = z.infer<typeof EvalItemSchema>;
export type Category = EvalItem['category'];

/** Reads several JSONL datasets as one; ids must be unique across all of them. */
export function loadDatasets(files: string[]): EvalItem[] {
  const items = files.flatMap((file) => loadDataset(file));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`duplicate id ${item.id} across ${files.join(', ')}`);
    seen.add(item.id);
  }
  return items;
}

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
