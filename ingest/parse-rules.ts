import { z } from 'zod';
import { readJsonDataFile } from './read-data-file.ts';

const RulesFile = z.object({
  chromeLinePatterns: z.array(z.string()),
  trailingBlockMarkers: z.array(z.string()),
  closingStartPattern: z.string(),
  mainGoalPrefix: z.string(),
  visionPattern: z.string(),
  adoptionNotePattern: z.string(),
});

/** Compiled patterns from data/parse-rules.json: the page chrome and section markers the parser recognises. */
export interface ParseRules {
  chromeLines: RegExp[];
  trailingBlockMarkers: RegExp[];
  closingStart: RegExp;
  mainGoalPrefix: RegExp;
  vision: RegExp;
  adoptionNote: RegExp;
}

let cached: ParseRules | undefined;

export function loadParseRules(): ParseRules {
  if (cached) return cached;
  const raw = readJsonDataFile(RulesFile, 'parse-rules.json');
  cached = {
    chromeLines: raw.chromeLinePatterns.map((pattern) => new RegExp(pattern)),
    trailingBlockMarkers: raw.trailingBlockMarkers.map((pattern) => new RegExp(pattern)),
    closingStart: new RegExp(raw.closingStartPattern),
    mainGoalPrefix: new RegExp(raw.mainGoalPrefix),
    vision: new RegExp(raw.visionPattern),
    adoptionNote: new RegExp(raw.adoptionNotePattern),
  };
  return cached;
}
