import { z } from 'zod';
import { dataFile } from '../project-paths.ts';
import { DefinitionSchema, GlossaryKindSchema } from './glossary-terms.ts';

/** The generated glossary, shared by its builder (ingest) and its reader (server). */
export const GLOSSARY_FILE = dataFile('glossary', 'glossary.json');

/** The command that regenerates the glossary; named in every error about a stale one. */
export const BUILD_GLOSSARY_COMMAND = 'npm run build:glossary';

const OccurrenceSchema = z.object({
  article: z.number().int().positive(),
  /** The whole sentence that uses the term, verbatim. */
  quote: z.string().min(1),
});

export const GlossarySchema = z.object({
  generatedBy: z.string().min(1),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  terms: z
    .array(
      z.object({
        term: z.string().min(1),
        kind: GlossaryKindSchema,
        /** Every article that uses the term, ascending. */
        articles: z.array(z.number().int().positive()).min(1),
        occurrences: z.array(OccurrenceSchema).min(1),
        definition: DefinitionSchema.optional(),
      }),
    )
    .min(1),
});

export type GlossaryData = z.infer<typeof GlossarySchema>;
export type GlossaryEntry = GlossaryData['terms'][number];
export type Occurrence = z.infer<typeof OccurrenceSchema>;
