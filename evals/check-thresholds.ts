import type { Summary } from './summarize.ts';

export interface Thresholds {
  hitAt1: number;
  hitAt5: number;
  citationValidity: number;
  citationPrecision: number;
  factCoverage: number;
  outOfScopeRejection: number;
  falseRefusalMax: number;
  unsupportedNumbersMax: number;
}

/** The gate: a line per metric that falls short of its committed threshold (empty when all pass). */
export function checkThresholds(summary: Summary, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const atLeast = (name: string, value: number | null, minimum: number) => {
    if (value === null || value < minimum) failures.push(`${name} ${value === null ? 'n/a' : value.toFixed(3)} < ${minimum}`);
  };
  const atMost = (name: string, value: number | null, maximum: number) => {
    if (value === null || value > maximum) failures.push(`${name} ${value === null ? 'n/a' : value.toFixed(3)} > ${maximum}`);
  };
  atLeast('hit@1', summary.hitAt1, thresholds.hitAt1);
  atLeast('hit@5', summary.hitAt5, thresholds.hitAt5);
  atLeast('citation validity', summary.citationValidity, thresholds.citationValidity);
  atLeast('citation precision', summary.citationPrecision, thresholds.citationPrecision);
  atLeast('fact coverage', summary.factCoverage, thresholds.factCoverage);
  atLeast('out-of-scope rejection', summary.outOfScopeRejection, thresholds.outOfScopeRejection);
  atMost('false refusal', summary.falseRefusal, thresholds.falseRefusalMax);
  atMost('answers with unsupported numbers', summary.unsupportedNumbers, thresholds.unsupportedNumbersMax);
  return failures;
}
