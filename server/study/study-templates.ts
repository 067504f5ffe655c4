import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataFile } from '../../ingest/project-paths.ts';

const TemplatesFile = z.object({
  title: z.object({ part: z.string(), articles: z.string(), topic: z.string() }),
  discussion: z.array(z.string()).min(1),
  quiz: z.object({ blank: z.string(), fillPrompt: z.string(), choicePrompt: z.string() }),
  markdown: z.record(z.string(), z.string()),
});

export type StudyTemplates = z.infer<typeof TemplatesFile>;

let cached: StudyTemplates | undefined;

/** data/study-templates.json: the connective text of study packs. */
export function studyTemplates(): StudyTemplates {
  cached ??= TemplatesFile.parse(JSON.parse(readFileSync(dataFile('study-templates.json'), 'utf8')));
  return cached;
}

/** Fills {placeholders}; a missing one is an error rather than a silent gap. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`study template needs {${name}}: ${template}`);
    return String(values[name]);
  });
}
