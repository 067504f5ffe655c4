import { z } from 'zod';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';

const FontPair = z.object({ eastAsia: z.string().min(1), latin: z.string().min(1) });

const OfficeExportFile = z.object({
  author: z.string().min(1),
  language: z.string().min(2),
  fonts: z.object({
    docx: z.object({ body: FontPair, heading: FontPair, quote: FontPair }),
    pptx: z.object({ heading: z.string().min(1), body: z.string().min(1) }),
  }),
});

export type OfficeSettings = z.infer<typeof OfficeExportFile>;

/** data/office-export.json: the author, language tag and fonts (Chinese and Latin) of the Word and PowerPoint exports. */
export function officeSettings(): OfficeSettings {
  return readJsonDataFile(OfficeExportFile, 'office-export.json');
}
