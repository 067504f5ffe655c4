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

const ThresholdsFile = z.object({ $comment: z.string().optional(), overall: ThresholdsSchema });

export type Thresholds = z.infer<typeof ThresholdsSchema>;

export const THRESHOLDS_FILE = path.join(PROJECT_ROOT, 'evals', 'thresholds.json');

/** The committed gate (evals/thresholds.json), validated; an error names the file and the field. */
export function loadThresholds(file: string = THRESHOLDS_FILE): Thresholds {
  return readJsonDataFile(ThresholdsFile, file).overall;
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
