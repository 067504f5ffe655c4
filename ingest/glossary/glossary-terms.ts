import { z } from 'zod';
import { dataFile } from '../project-paths.ts';
import { readJsonDataFile } from '../read-data-file.ts';

export const GLOSSARY_TERMS_FILE = dataFile('glossary', 'glossary-terms.json');

/**
 * A passage where the document itself spells a term out: the sentence, verbatim, and the items it enumerates
 * (each verbatim inside the quote), so that a check can tell a real spelling-out from a sentence that merely uses the term.
 */
export const DefinitionSchema = z.object({
  article: z.number().int().positive(),
  quote: z.string().min(1),
  items: z.array(z.string().min(1)).min(2),
});

export const GlossaryKindSchema = z.enum(['slogan', 'term']);

/** The hand-written list: which of the plan's terms and slogans to explain, and where (if anywhere) the plan defines one. */
export const GlossaryTermsSchema = z
  .array(
    z.object({
      term: z.string().trim().min(2),
      kind: GlossaryKindSchema,
      definition: DefinitionSchema.optional(),
    }),
  )
  .min(1)
  .superRefine((terms, context) => {
    const seen = new Set<string>();
    for (const { term } of terms) {
      if (seen.has(term))
        context.addIssue({ code: 'custom', message: `term ${term} is listed twice` });
      seen.add(term);
    }
  });

export type GlossaryTerms = z.infer<typeof GlossaryTermsSchema>;
export type GlossaryTermEntry = GlossaryTerms[number];
export type Definition = z.infer<typeof DefinitionSchema>;

/** Reads and validates the hand-written term list (data/glossary/glossary-terms.json); cached and frozen. */
export function loadGlossaryTerms(file: string = GLOSSARY_TERMS_FILE): GlossaryTerms {
  return readJsonDataFile(GlossaryTermsSchema, file);
}
