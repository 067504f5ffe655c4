import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { DATA_DIR } from '../../ingest/project-paths.ts';
import { readTermList } from '../../ingest/tokenizer.ts';
import { AnswerPolicyFile } from './answer-policy-schema.ts';
import { compileAnswerPolicy, FollowUpCuesFile, QueryFramingFile, TermMapFile, type AnswerPolicy } from './answer-policy.ts';
import { AnswerTemplatesFile, createAnswerTemplates } from './answer-templates.ts';

/** The term maps, in the order their entries are tried. */
const TERM_MAP_FILES = [['dict', 'colloquial-map.json'], ['dict', 'english-terms.json']];

function readJson<Schema extends z.ZodType>(schema: Schema, dataDir: string, ...segments: string[]): z.output<Schema> {
  const file = path.join(dataDir, ...segments);
  const result = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

const cache = new Map<string, AnswerPolicy>();

/**
 * Reads and validates every file the answers depend on (data/answer-policy.json, the follow-up cues, query framing,
 * term maps, plan terms and answer templates) into one AnswerPolicy. Once per data directory; errors name the file.
 */
export function loadAnswerPolicy(dataDir: string = DATA_DIR): AnswerPolicy {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const policy = compileAnswerPolicy({
    settings: readJson(AnswerPolicyFile, dataDir, 'answer-policy.json'),
    followUp: readJson(FollowUpCuesFile, dataDir, 'dict', 'followup-cues.json'),
    framing: readJson(QueryFramingFile, dataDir, 'dict', 'query-framing.json'),
    termMaps: TERM_MAP_FILES.map((segments) => readJson(TermMapFile, dataDir, ...segments)),
    planTerms: readTermList(path.join(dataDir, 'dict', 'plan-terms.txt')),
    templates: createAnswerTemplates(readJson(AnswerTemplatesFile, dataDir, 'answer-templates.json')),
  });
  cache.set(dataDir, policy);
  return policy;
}
