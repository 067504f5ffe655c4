import { z } from 'zod';
import { createCitationMarker, type CitationMarker } from '../core/citation-marker.ts';
import { readJsonDataFile } from '../ingest/read-data-file.ts';

/** Only the citation marker of data/answer-templates.json; the rest of the file is the server's business. */
const MarkerTemplate = z.object({ marker: z.string().min(1) });

let marker: CitationMarker | undefined;

/**
 * The citation marker the answers use (data/answer-templates.json `marker`), for the evaluation's edge: the metrics
 * themselves take it as an argument and stay pure.
 */
export function answerMarker(): CitationMarker {
  marker ??= createCitationMarker(readJsonDataFile(MarkerTemplate, 'answer-templates.json').marker);
  return marker;
}
