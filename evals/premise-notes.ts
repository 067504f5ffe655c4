import { z } from 'zod';
import { readJsonDataFile } from '../ingest/read-data-file.ts';
import { createAbsenceNoteReader } from './metrics/quote-metrics.ts';

/** Only the premise notes of data/answer-templates.json. */
const PremiseTemplates = z.object({
  premise: z.object({ mismatch: z.string().min(1), check: z.string().min(1) }),
});

let reader: ((answer: string) => boolean) | undefined;

/**
 * Whether an answer says that the question's claim is not the plan's or must be checked against its text (the
 * `premise` templates the answers are written with): for the evaluation's false-premise items.
 */
export function premiseNoteReader(): (answer: string) => boolean {
  if (!reader) {
    const { premise } = readJsonDataFile(PremiseTemplates, 'answer-templates.json');
    const mismatch = createAbsenceNoteReader([premise.mismatch], 'claim');
    reader = (answer) => answer.includes(premise.check) || mismatch(answer).length > 0;
  }
  return reader;
}
