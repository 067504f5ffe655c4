import { z } from 'zod';
import { normalizeLoose } from '../../core/normalize-text.ts';

/**
 * Questions about the document itself and its structure, answered from the parsed structure instead of retrieval.
 * The order is the order of detection: the first kind whose phrasing matches (and whose scope fits) wins.
 */
export const DOCUMENT_QUESTION_KINDS = [
  'adoption',
  'title',
  'part-count',
  'part-list',
  'article-count',
  'part-title',
  'part-articles',
  'part-intro',
  'part-of-article',
  'preamble',
  'closing',
  'vision',
  'main-goals',
] as const;
export type DocumentQuestionKind = (typeof DOCUMENT_QUESTION_KINDS)[number];

/** `{name}` in a pattern stands for a word family; `{0,8}` and other quantifiers start with a digit. */
const PLACEHOLDER = /\{([A-Za-z]\w*)\}/g;

/** data/dict/document-questions.json: word families and the phrasings (patterns over them) of each kind. */
export const DocumentQuestionsFile = z
  .object({
    $comment: z.string().optional(),
    /** Longer messages (normalised) are never about the document as such: they are searched as usual. */
    maxLength: z.number().int().positive(),
    /** Families of interchangeable words (文件 / 这份建议 / 规划建议), named in patterns as {doc}. */
    words: z.record(z.string().regex(/^[A-Za-z]\w*$/), z.array(z.string().min(1)).min(1)),
    kinds: z.array(
      z.object({
        $comment: z.string().optional(),
        kind: z.enum(DOCUMENT_QUESTION_KINDS),
        /** Regular expressions over the normalised question (no punctuation or spaces, years in digits). */
        patterns: z.array(z.string().min(1)).min(1),
      }),
    ),
  })
  .superRefine((file, context) => {
    for (const [name, words] of Object.entries(file.words))
      words.forEach((word, index) => {
        if (normalizeLoose(word) === '')
          context.addIssue({
            code: 'custom',
            path: ['words', name, index],
            message: `${word} is empty once punctuation is removed`,
          });
      });
    const seen = new Set<string>();
    file.kinds.forEach((entry, kindIndex) => {
      if (seen.has(entry.kind))
        context.addIssue({
          code: 'custom',
          path: ['kinds', kindIndex, 'kind'],
          message: `${entry.kind} is listed twice`,
        });
      seen.add(entry.kind);
      entry.patterns.forEach((pattern, patternIndex) => {
        const path = ['kinds', kindIndex, 'patterns', patternIndex];
        const unknown = [...pattern.matchAll(PLACEHOLDER)]
          .map((match) => match[1] ?? '')
          .filter((name) => !(name in file.words));
        if (unknown.length > 0) {
          context.addIssue({
            code: 'custom',
            path,
            message: `uses {${unknown.join('}, {')}}, which words does not define`,
          });
          return;
        }
        try {
          new RegExp(expandPattern(pattern, file.words));
        } catch (error) {
          context.addIssue({
            code: 'custom',
            path,
            message: `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`,
          });
        }
      });
    });
  });

/** The compiled phrasings of each kind, in order of detection. */
export interface DocumentQuestionCues {
  maxLength: number;
  kinds: Array<{ kind: DocumentQuestionKind; patterns: RegExp[] }>;
  /**
   * The words the main goals are asked with (the families its phrasings are built of: 规划, 今后五年, 乌海, 提出的,
   * 主要目标, 有哪些 …), normalised: a goals question's other words name its subject (生态环境方面的主要目标).
   */
  goalsFraming: readonly string[];
}

/** Builds the regular expressions: each {family} becomes an alternation of its words, normalised, longest first. */
export function compileDocumentQuestionCues(
  file: z.output<typeof DocumentQuestionsFile>,
): DocumentQuestionCues {
  const order = (kind: DocumentQuestionKind) => DOCUMENT_QUESTION_KINDS.indexOf(kind);
  const goalsFamilies = new Set(
    file.kinds
      .filter((entry) => entry.kind === 'main-goals')
      .flatMap((entry) => entry.patterns.flatMap((pattern) => [...pattern.matchAll(PLACEHOLDER)]))
      .map((match) => match[1]!),
  );
  return {
    maxLength: file.maxLength,
    goalsFraming: [...goalsFamilies].flatMap((name) =>
      (file.words[name] ?? []).map(normalizeLoose),
    ),
    kinds: [...file.kinds]
      .sort((left, right) => order(left.kind) - order(right.kind))
      .map((entry) => ({
        kind: entry.kind,
        patterns: entry.patterns.map((pattern) => new RegExp(expandPattern(pattern, file.words))),
      })),
  };
}

function expandPattern(
  pattern: string,
  words: Readonly<Record<string, readonly string[]>>,
): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) => {
    const family = words[name];
    if (!family) return whole;
    const alternatives = [...new Set(family.map(normalizeLoose))]
      .sort((left, right) => right.length - left.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return `(?:${alternatives.join('|')})`;
  });
}
