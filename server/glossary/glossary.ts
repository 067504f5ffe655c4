import type { PlanDocument } from '../../core/document-model.ts';
import { checkGlossary } from '../../ingest/glossary/check-glossary.ts';
import { DataFileError, readJsonDataFile } from '../../ingest/read-data-file.ts';
import {
  BUILD_GLOSSARY_COMMAND,
  GLOSSARY_FILE,
  GlossarySchema,
  type GlossaryData,
} from '../../ingest/glossary/glossary-schema.ts';

import type { GlossaryTermView } from '../../core/wire/glossary-wire.ts';

export type { GlossaryTermView } from '../../core/wire/glossary-wire.ts';

/** The glossary is missing, malformed or no longer matches the document; the message names the command that rebuilds it. */
export class GlossaryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`${message}; run \`${BUILD_GLOSSARY_COMMAND}\` to rebuild it`, options);
    this.name = 'GlossaryError';
  }
}

/** The plan's own terms and slogans, where it uses them, and its own words where it spells one out. */
export class Glossary {
  constructor(private readonly data: GlossaryData) {}

  get size(): number {
    return this.data.terms.length;
  }

  terms(): GlossaryTermView[] {
    return this.data.terms.map(({ term, kind, articles, definition, occurrences }) => ({
      term,
      kind,
      articles,
      ...(definition
        ? { definition: { article: definition.article, quote: definition.quote } }
        : {}),
      occurrences,
    }));
  }
}

/** Loads data/glossary/glossary.json and refuses it unless every quote is verbatim and every term occurs exactly where listed. */
export function loadGlossary(document: PlanDocument, file: string = GLOSSARY_FILE): Glossary {
  let data: GlossaryData;
  try {
    data = readJsonDataFile(GlossarySchema, file);
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    const what = error.problem === 'invalid' ? 'is malformed' : 'could not be read';
    throw new GlossaryError(`the glossary ${file} ${what} (${error.detail})`, { cause: error });
  }
  const problems = checkGlossary(document, data);
  if (problems.length > 0)
    throw new GlossaryError(
      `the glossary ${file} does not match the document (${problems.length} problems, first: ${problems[0]})`,
    );
  return new Glossary(data);
}
