import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parsePlan } from '../parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../project-paths.ts';
import { composeGlossary } from './compose-glossary.ts';
import { GLOSSARY_FILE, type GlossaryData } from './glossary-schema.ts';
import { loadGlossaryTerms, type GlossaryTerms } from './glossary-terms.ts';
import { spelledOutCandidates } from './spelled-out-candidates.ts';

export interface BuildGlossaryOptions {
  sourceFile?: string;
  terms?: GlossaryTerms;
}

/** Parses the document and builds the glossary from the hand-written term list (data/glossary/glossary-terms.json). */
export async function buildGlossary(options: BuildGlossaryOptions = {}): Promise<GlossaryData> {
  const sourceFile = options.sourceFile ?? DEFAULT_SOURCE_FILE;
  const raw = await readFile(sourceFile);
  const document = parsePlan(
    raw.toString('utf8'),
    path.basename(sourceFile).replace(/\.[^.]+$/, ''),
  );
  return composeGlossary(
    document,
    createHash('sha256').update(raw).digest('hex'),
    options.terms ?? loadGlossaryTerms(),
  );
}

/** Two-space JSON with a final newline, so a rebuild of unchanged inputs is byte-identical. */
export function serializeGlossary(glossary: GlossaryData): string {
  return `${JSON.stringify(glossary, null, 2)}\n`;
}

/** `npm run build:glossary`: writes the glossary and prints sentences that may spell a term out, for review. */
async function main(): Promise<void> {
  const glossary = await buildGlossary();
  await writeFile(GLOSSARY_FILE, serializeGlossary(glossary));
  console.log(
    `${glossary.terms.length} terms, ${glossary.terms.filter((entry) => entry.definition).length} with a definition from the document`,
  );
  console.log(
    '\nCandidate spelled-out sentences (review; add a definition to glossary-terms.json only where the document truly spells the term out):',
  );
  for (const entry of glossary.terms) {
    const marker = entry.definition
      ? `defined in article ${entry.definition.article}`
      : 'no definition';
    const candidates = spelledOutCandidates(entry.term, entry.occurrences);
    if (candidates.length === 0) continue;
    console.log(`\n${entry.term} (${entry.kind}; ${marker})`);
    for (const candidate of candidates) {
      console.log(
        `  [${candidate.article}] ${candidate.position}${candidate.openEnded ? ' (ends in 等: examples only)' : ''}: ${candidate.enumeration}`,
      );
    }
  }
  console.log(`\nwritten to ${path.relative(process.cwd(), GLOSSARY_FILE)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      `build:glossary failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  });
}
