import type { PlanDocument } from '../../core/document-model.ts';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { normalizeYears } from '../../core/numerals.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import type { DocumentQuestionKind } from '../policy/document-question-cues.ts';
import type { MentionQuestion } from './mention-question.ts';
import { parseStructuralReference } from './structural-reference.ts';

/** A question about the document itself or its structure, answered from the parsed structure, not by retrieval. */
export type DocumentQuestion =
  /** 这份建议是什么时候通过的 / 在哪次会议上通过的: the adoption note. */
  | { kind: 'adoption' }
  /** 这份建议的全称是什么. */
  | { kind: 'title' }
  /** 建议一共分为几个部分. */
  | { kind: 'part-count' }
  /** 建议有哪几个部分 / 各部分的标题 / 建议的结构. */
  | { kind: 'part-list' }
  /** 建议有多少条. */
  | { kind: 'article-count' }
  /** 第三部分的标题是什么. */
  | { kind: 'part-title'; part: number }
  /** 第五部分包括哪些条. */
  | { kind: 'part-articles'; part: number }
  /** 第八部分开头强调了什么: the paragraph between a part's heading and its first article. */
  | { kind: 'part-intro'; part: number }
  /** 第23条属于哪一部分. */
  | { kind: 'part-of-article'; article: number }
  /** 序言说了什么 / 为了贯彻哪些会议精神: the opening paragraph. */
  | { kind: 'preamble' }
  /** 结束语说了什么: the closing call. */
  | { kind: 'closing' }
  /** 2035年远景目标是什么: the vision paragraph of the goals article. */
  | { kind: 'vision' }
  /** 主要目标是什么: the main goals of the next five years. */
  | { kind: 'main-goals' }
  /** 哪些地方提到了氢能: every article that uses the phrase (mention-question.ts). */
  | MentionQuestion;

/** Kinds about one part, named by number or subject (第三部分, 民生部分); the rest name one article or nothing. */
const PART_KINDS = ['part-title', 'part-articles', 'part-intro'] as const;
type PartKind = (typeof PART_KINDS)[number];
const isPartKind = (kind: DocumentQuestionKind): kind is PartKind =>
  (PART_KINDS as readonly string[]).includes(kind);

/** Whether the parsed document holds what a kind is answered from (a document may lack a vision or closing). */
function documentHolds(kind: DocumentQuestionKind, doc: PlanDocument): boolean {
  switch (kind) {
    case 'adoption':
      return doc.adoptionNote !== '';
    case 'title':
      return doc.title !== '';
    case 'preamble':
      return doc.preamble !== '';
    case 'closing':
      return doc.closing !== '';
    case 'part-intro':
      return doc.parts.some((part) => part.intro !== '');
    case 'vision':
      return doc.vision2035 !== null;
    case 'main-goals':
      return doc.mainGoals.length > 0;
    case 'article-count':
      return doc.articles.length > 0;
    default:
      return doc.parts.length > 0;
  }
}

/**
 * Recognises a question about the document itself or its structure (data/dict/document-questions.json), with the
 * article or part it names checked against the document. Null for any other question, and for one naming an article
 * or part the document lacks (第40条属于哪一部分), which the ordinary refusal answers. `pointedArticles` are the
 * articles a pointer in the message refers to (这一条 → the articles the previous answer cited): one of them stands
 * for the article when the message names none. Pure.
 */
export function detectDocumentQuestion(
  message: string,
  doc: PlanDocument,
  policy: Pick<AnswerPolicy, 'documentQuestions' | 'framing'>,
  pointedArticles: readonly number[] = [],
): DocumentQuestion | null {
  const cues = policy.documentQuestions;
  // 二〇三五 and 2035 read alike; “十五五” and 十五五 too (punctuation is dropped).
  const text = normalizeYears(normalizeLoose(message));
  if (text === '' || text.length > cues.maxLength) return null;
  const phrased = cues.kinds.filter(
    ({ kind, patterns }) =>
      documentHolds(kind, doc) && patterns.some((pattern) => pattern.test(text)),
  );
  // Most questions are phrased as no kind is: the structure is parsed only for those that are.
  if (phrased.length === 0) return null;
  // Only what the question names by number or part name: an alias (主要目标 → 第3条) is not a named article here.
  const named = parseStructuralReference(message, doc, { ...policy.framing, articleAliases: [] });
  const [part] = named.parts;
  const pointed = [...new Set(pointedArticles)];
  const articles = named.articles.length > 0 || pointed.length !== 1 ? named.articles : pointed;
  const [article] = articles;
  for (const { kind } of phrased) {
    if (isPartKind(kind)) {
      const named1 = named.articles.length === 0 && named.parts.length === 1;
      const found = named1 ? partByNumber(doc, part!) : undefined;
      // A part without an introduction (the first goes straight to its articles) is asked about as usual.
      if (found && (kind !== 'part-intro' || found.intro !== '')) return { kind, part: part! };
    } else if (kind === 'part-of-article') {
      if (articles.length === 1 && articleByNumber(doc, article!))
        return { kind, article: article! };
    } else if (named.articles.length === 0 && named.parts.length === 0) {
      // The document as a whole: a question that also names an article or part is about that instead.
      return { kind };
    }
  }
  return null;
}
