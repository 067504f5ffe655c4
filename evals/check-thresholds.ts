import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../ingest/project-paths.ts';
import { readJsonDataFile } from '../ingest/read-data-file.ts';
import type { Summary } from './summarize.ts';

const share = z.number().min(0).max(1);

const ThresholdsSchema = z.object({
  hitAt1: share,
  hitAt5: share,
  citationValidity: share,
  citationPrecision: share,
  factCoverage: share,
  outOfScopeRejection: share,
  falseRefusalMax: share,
  unsupportedNumbersMax: z.number().int().min(0),
  falseAbsenceNotesMax: z.number().int().min(0),
  /** Answers whose first quote holds a key fact, and the share of quotes that do (items with facts). */
  firstQuoteFact: share,
  quoteFactShare: share,
});

/** The refusal set's gate: unanswerable questions refused (all, and the weakest kind), answerable ones not. */
const RefusalThresholdsSchema = z.object({
  refusal: share,
  weakestKindRefusal: share,
  falseRefusalMax: share,
});

const ThresholdsFile = z.object({
  $comment: z.string().optional(),
  overall: ThresholdsSchema,
  refusals: RefusalThresholdsSchema,
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type RefusalThresholds = z.infer<typeof RefusalThresholdsSchema>;

export const THRESHOLDS_FILE = path.join(PROJECT_ROOT, 'evals', 'thresholds.json');

/** The committed gate (evals/thresholds.json), validated; an error names the file and the field. */
export function loadThresholds(file: string = THRESHOLDS_FILE): z.infer<typeof ThresholdsFile> {
  return readJsonDataFile(ThresholdsFile, file);
}

/**
 * The refusal gate over every item of the half (main set and refusal sets): share of unanswerable questions refused,
 * the weakest kind's share, and false refusals over all answerable items, near-misses and false premises included.
 */
export function checkRefusalThresholds(summary: Summary, thresholds: RefusalThresholds): string[] {
  const failures: string[] = [];
  const show = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
  if (summary.outOfScopeRejection === null || summary.outOfScopeRejection < thresholds.refusal)
    failures.push(
      `unanswerable refused ${show(summary.outOfScopeRejection)} < ${thresholds.refusal}`,
    );
  if (
    summary.weakestKindRefusal === null ||
    summary.weakestKindRefusal < thresholds.weakestKindRefusal
  )
    failures.push(
      `weakest kind refused ${show(summary.weakestKindRefusal)} < ${thresholds.weakestKindRefusal}`,
    );
  if (summary.falseRefusal === null || summary.falseRefusal > thresholds.falseRefusalMax)
    failures.push(`false refusal ${show(summary.falseRefusal)} > ${thresholds.falseRefusalMax}`);
  return failures;
}

/**
 * The gate: a line per metric that falls short of its committed threshold (empty when all pass). `npm run eval --
 * --gate` passes it the summary of the test half only (evals/split.ts).
 */
export function checkThresholds(summary: Summary, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const atLeast = (name: string, value: number | null, minimum: number) => {
    if (value === null || value < minimum)
      failures.push(`${name} ${value === null ? 'n/a' : value.toFixed(3)} < ${minimum}`);
  };
  const atMost = (name: string, value: number | null, maximum: number) => {
    if (value === null || value > maximum)
      failures.push(`${name} ${value === null ? 'n/a' : value.toFixed(3)} > ${maximum}`);
  };
  atLeast('hit@1', summary.hitAt1, thresholds.hitAt1);
  atLeast('hit@5', summary.hitAt5, thresholds.hitAt5);
  atLeast('citation validity', summary.citationValidity, thresholds.citationValidity);
  atLeast('citation precision', summary.citationPrecision, thresholds.citationPrecision);
  atLeast('fact coverage', summary.factCoverage, thresholds.factCoverage);
  atLeast('first quote holds a key fact', summary.firstQuoteFact, thresholds.firstQuoteFact);
  atLeast('share of quotes holding a key fact', summary.quoteFactShare, thresholds.quoteFactShare);
  atLeast('out-of-scope rejection', summary.outOfScopeRejection, thresholds.outOfScopeRejection);
  atMost('false refusal', summary.falseRefusal, thresholds.falseRefusalMax);
  atMost(
    'answers with unsupported numbers',
    summary.unsupportedNumbers,
    thresholds.unsupportedNumbersMax,
  );
  atMost(
    'answers with false "not in the document" notes',
    summary.falseAbsenceNotes,
    thresholds.falseAbsenceNotesMax,
  );
  return failures;
}
