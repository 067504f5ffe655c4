import type { PlanDocument } from '../../core/document-model.ts';
import { checkGlossary } from './check-glossary.ts';
import { articlesUsing, findOccurrences } from './find-occurrences.ts';
import { BUILD_GLOSSARY_COMMAND, type GlossaryData } from './glossary-schema.ts';
import type { GlossaryTerms } from './glossary-terms.ts';

export const GLOSSARY_GENERATOR = `${BUILD_GLOSSARY_COMMAND} (ingest/glossary/build-glossary.ts)`;

export class GlossaryBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`the glossary terms do not match the document:\n  ${problems.join('\n  ')}`);
    this.name = 'GlossaryBuildError';
  }
}

/** Lists every article and sentence that uses each term; refuses terms the document never uses and unverifiable definitions. */
export function composeGlossary(
  document: PlanDocument,
  sourceSha256: string,
  terms: GlossaryTerms,
): GlossaryData {
  const missing = terms
    .filter(({ term }) => articlesUsing(document, term).length === 0)
    .map(({ term }) => `${term} occurs in no article`);
  if (missing.length > 0) throw new GlossaryBuildError(missing);
  const glossary: GlossaryData = {
    generatedBy: GLOSSARY_GENERATOR,
    sourceSha256,
    terms: terms.map(({ term, kind, definition }) => ({
      term,
      kind,
      articles: articlesUsing(document, term),
      occurrences: findOccurrences(document, term),
      ...(definition ? { definition } : {}),
    })),
  };
  const problems = checkGlossary(document, glossary);
  if (problems.length > 0) throw new GlossaryBuildError(problems);
  return glossary;
}
