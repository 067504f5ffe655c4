import { z } from 'zod';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';

const TemplatesFile = z.object({
  title: z.object({ part: z.string(), articles: z.string(), topic: z.string() }),
  discussion: z.array(z.string()).min(1),
  quiz: z.object({ blank: z.string(), fillPrompt: z.string(), choicePrompt: z.string() }),
  markdown: z.record(z.string(), z.string()),
  office: z.object({
    planTitle: z.string(),
    adoption: z.string(),
    articles: z.string(),
    continued: z.string(),
    fileName: z.object({ part: z.string(), articles: z.string(), topic: z.string() }),
  }),
});

export type StudyTemplates = z.infer<typeof TemplatesFile>;

/**
 * data/study-templates.json: the connective text of study packs, with {placeholders} that are filled through
 * core/fill-template.ts (a missing one is an error rather than a silent gap).
 */
export function studyTemplates(): StudyTemplates {
  return readJsonDataFile(TemplatesFile, 'study-templates.json');
}
