import { taggedWords } from '../../ingest/tokenizer.ts';
import type { RequestRules } from '../policy/out-of-plan-cues.ts';
import { cueText } from './cue-text.ts';

/** jieba tags of words that can name a thing compared: nouns, verbal nouns, set phrases, abbreviations, Latin words (not x: 留着 is no thing). */
const THING = /^(n|nz|nt|nl|ng|ns|nrt|vn|l|j|eng)$/;

/**
 * A question that asks the plan to compare or choose between things (楷书还是隶书, 壁挂炉和电暖器哪个更省钱,
 * 再生水跟自来水差在哪) where a thing compared is a word the document never uses: a plan weighs only what it names,
 * and would otherwise answer with a sentence about something else. The things compared are the words right beside a
 * connector (还是 always; 和, 跟, 与, 比 … only in a clause that asks which, or how they differ), when tagged as
 * things; 固态电池还是氢能 compares two things the plan names, and is left to retrieval. `documentMatchText` is the
 * document normalised for matching (normalizeForMatch). Pure but for jieba.
 */
export function unnamedComparison(
  message: string,
  rules: RequestRules,
  documentMatchText: string,
): { kind: 'comparison'; word: string; cue: string } | null {
  const { comparison } = rules;
  for (const clause of cueText(message, rules.dialect).split(/[,，;；。！？!?\n]/)) {
    const asksWhich = comparison.cue.test(clause);
    const words = taggedWords(clause);
    for (const [position, { word }] of words.entries()) {
      const connects =
        comparison.alternative.has(word) || (asksWhich && comparison.connectors.has(word));
      if (!connects) continue;
      for (const step of [-1, 1]) {
        const side = nearestThing(words, position, step, comparison);
        if (side && !documentMatchText.includes(side))
          return { kind: 'comparison', word: side, cue: word };
      }
    }
  }
  return null;
}

/** How many words from a connector the thing compared may stand (配眼镜好还是做角膜塑形好: 做 before 角膜). */
const THING_REACH = 3;

/**
 * The thing compared on one side of a connector: the nearest word tagged as a thing (two characters or more) within
 * THING_REACH words, past light words only (好, 做: comparison.light). Pure but for the tags given.
 */
function nearestThing(
  words: ReadonlyArray<{ word: string; tag: string }>,
  position: number,
  step: number,
  comparison: RequestRules['comparison'],
): string | undefined {
  for (let offset = 1; offset <= THING_REACH; offset += 1) {
    const side = words[position + step * offset];
    if (!side) return undefined;
    if (THING.test(side.tag) && [...side.word].length >= 2) return side.word;
    if (!comparison.light.has(side.word)) return undefined;
  }
  return undefined;
}
