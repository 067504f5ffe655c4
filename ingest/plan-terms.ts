import { readTermGroupsFile, readTermListFile, type TermGroup } from './read-data-file.ts';

export type { TermGroup } from './read-data-file.ts';

/** data/dict/plan-terms.txt, relative to data/. */
export const PLAN_TERMS_FILE = ['dict', 'plan-terms.txt'] as const;

/** The plan's own terms, in file order: the tokenizer's user dictionary (so 五区一河 stays one word). */
export function loadPlanTerms(): readonly string[] {
  return readTermListFile(...PLAN_TERMS_FILE);
}

/** The plan terms by `[heading]` group (生态环境, 能源, …): a quiz's distractors come from the answer's own group. */
export function loadPlanTermGroups(): readonly TermGroup[] {
  return readTermGroupsFile(...PLAN_TERMS_FILE);
}
