import { z } from 'zod';
import { readJsonDataFile } from '../ingest/read-data-file.ts';
import { createAbsenceNoteReader } from './metrics/quote-metrics.ts';

/** Only the "the plan does not use this word" notes of data/answer-templates.json. */
const NoteTemplates = z.object({
  staff: z.object({ notInDocument: z.string().min(1) }),
  citizen: z.object({ notInDocument: z.string().min(1) }),
});

let reader: ((answer: string) => string[]) | undefined;

/**
 * Reads the phrases an answer's "not in the document" notes name, with the matcher built from the templates the
 * answers are written with (`staff.notInDocument`, `citizen.notInDocument`), for the evaluation's edge: the metric
 * itself takes it as an argument and stays pure.
 */
export function absenceNoteReader(): (answer: string) => string[] {
  if (!reader) {
    const templates = readJsonDataFile(NoteTemplates, 'answer-templates.json');
    reader = createAbsenceNoteReader([
      templates.staff.notInDocument,
      templates.citizen.notInDocument,
    ]);
  }
  return reader;
}
