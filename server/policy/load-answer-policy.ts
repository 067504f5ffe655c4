import { DATA_DIR } from '../../ingest/project-paths.ts';
import { readJsonDataFile, readTermListFile } from '../../ingest/read-data-file.ts';
import { AnswerPolicyFile } from './answer-policy-schema.ts';
import {
  compileAnswerPolicy,
  FollowUpCuesFile,
  QueryFramingFile,
  TermMapFile,
  type AnswerPolicy,
} from './answer-policy.ts';
import { AnswerTemplatesFile, createAnswerTemplates } from './answer-templates.ts';
import { DocumentQuestionsFile } from './document-question-cues.ts';
import { PlacesFile, RequestKindsFile } from './out-of-plan-cues.ts';

/** The term maps, in the order their entries are tried. */
const TERM_MAP_FILES = [
  ['dict', 'colloquial-map.json'],
  ['dict', 'english-terms.json'],
];

const cache = new Map<string, AnswerPolicy>();

/**
 * Reads and validates every file the answers depend on (data/answer-policy.json, the follow-up cues, query framing,
 * document-question phrasings, term maps, plan terms and answer templates) into one AnswerPolicy. Once per data
 * directory; errors name the file.
 */
export function loadAnswerPolicy(dataDir: string = DATA_DIR): AnswerPolicy {
  const cached = cache.get(dataDir);
  if (cached) return cached;
  const policy = compileAnswerPolicy({
    settings: readJsonDataFile(AnswerPolicyFile, dataDir, 'answer-policy.json'),
    followUp: readJsonDataFile(FollowUpCuesFile, dataDir, 'dict', 'followup-cues.json'),
    framing: readJsonDataFile(QueryFramingFile, dataDir, 'dict', 'query-framing.json'),
    documentQuestions: readJsonDataFile(
      DocumentQuestionsFile,
      dataDir,
      'dict',
      'document-questions.json',
    ),
    termMaps: TERM_MAP_FILES.map((segments) => readJsonDataFile(TermMapFile, dataDir, ...segments)),
    planTerms: [...readTermListFile(dataDir, 'dict', 'plan-terms.txt')],
    requestKinds: readJsonDataFile(RequestKindsFile, dataDir, 'dict', 'request-kinds.json'),
    places: readJsonDataFile(PlacesFile, dataDir, 'dict', 'places.json'),
    templates: createAnswerTemplates(
      readJsonDataFile(AnswerTemplatesFile, dataDir, 'answer-templates.json'),
    ),
  });
  cache.set(dataDir, policy);
  return policy;
}
