import type { FigureKind } from '../policy/answer-policy.ts';
import type { QuestionType } from '../policy/answer-policy-schema.ts';
import type { Expansion } from './colloquial-expansion.ts';
import type { DocumentQuestion } from './document-question.ts';
import type { ExpandedQuery } from './expanded-query.ts';
import type { OutOfPlan } from './out-of-plan.ts';
import type { FollowUp } from './resolve-follow-up.ts';

/**
 * A word the text is ranked and scored on: its own (weight 1) or one of the plan's words standing in for an everyday
 * phrase (`concept`, weight below 1); a sentence is credited once per concept, not once per stand-in word.
 */
export interface QueryTerm {
  token: string;
  weight: number;
  concept?: string;
  /** The word belongs to the scene around the question, not to the clause that asks it (老人走了，殡仪馆…有人管吗). */
  scene?: boolean;
  /** For a stand-in word: the plan's phrases it is part of (标准化 → 畜禽标准化养殖), normalised for matching. */
  phrases?: string[];
}

/** What a text names by the document's structure, with the numbers checked against the document. */
export interface NamedStructure {
  articles: number[];
  parts: number[];
  /** Numbers the question names that the document does not have (第40条), so the answer can say so. */
  missingArticles: number[];
  missingParts: number[];
}

/** One text to be searched, analysed once: retrieval, answerability and composition read it, none re-parses it. */
export interface AnalyzedText {
  /** The text as given: the message, or for a follow-up the question it continues. */
  text: string;
  /** The text searched: a long message reduced to its question sentences. */
  focused: string;
  named: NamedStructure;
  /** The focused text with its structural phrases (第八部分, 第12条) removed. */
  remainder: string;
  /** The remainder's words without the framing words (讲了什么, 内容): a topic asked about inside a named part. */
  topicTokens: string[];
  /** Everyday words found (看病) and the plan's wording for them. */
  expansion: Expansion;
  /** The text as it is ranked: own tokens, weighted expansion tokens, vector parts. */
  expanded: ExpandedQuery;
  /** The words the text is ranked and its sentences scored on (weight 1 for own words, less for expansions). */
  queryTerms: QueryTerm[];
  /** It asks across the plan (哪些方面, 怎么部署). */
  breadth: boolean;
  /** It asks about the main goals (not the 2035 vision). */
  asksForGoals: boolean;
  /** The kind of answer it wants (会不会 → yesNo, 怎么 → how, 哪些 → list), or null. */
  questionType: QuestionType | null;
  /** The kinds of figure, date or contact it asks for. */
  figureKinds: FigureKind[];
  /** A claim the question is built on (不再搞清洁供暖, 听说要填湖): what kind, and the words that make it. */
  premise: Premise | null;
}

/** A question's claim about the plan: that it drops or reverses something, or hearsay to be checked. */
export interface Premise {
  kind: 'denial' | 'hearsay';
  cue: string;
}

/** One way of retrieving for a question; a question may have several, tried in order. */
export type RetrievalAttempt =
  | {
      kind: 'search';
      text: AnalyzedText;
      /** Hits to keep. */
      k: number;
      /** Rank only within these articles (这一条). */
      restrictToArticles?: number[];
      /** Rank `searchK` hits, then drop these articles (还有吗). */
      excludeArticles?: number[];
      searchK?: number;
    }
  /** Answer from these articles as a whole (第二个 → the part's second article; 这一条 → the article just cited). */
  | { kind: 'articles'; text: AnalyzedText; articles: number[] };

/**
 * Why a follow-up that moves on has nothing to move to; it is answered with a note from the templates, quoting
 * nothing (answered: false). no-next / no-previous: 下一条 after the last article, 上一条 before the first. all-quoted:
 * 具体怎么做 when the answers so far quoted every sentence of their articles. no-more: 还有吗 when no other article
 * answers the question (known only after retrieval: decideAnswerability).
 */
export type NothingLeft =
  | { kind: 'no-next' | 'no-previous'; article: number }
  | { kind: 'all-quoted'; articles: number[] }
  | { kind: 'no-more' };

/** A question in its conversation, analysed once before anything is retrieved. */
export interface QuestionAnalysis {
  /** The message as asked. */
  message: string;
  followUp: FollowUp;
  /** Retrieval attempts, tried in order: the first that finds usable hits is answered from, else the last. */
  attempts: RetrievalAttempt[];
  /** Set when the message asks about the document itself or its structure: answered from the parsed structure. */
  documentQuestion?: DocumentQuestion;
  /** Set when a follow-up that moves on is known, before retrieval, to have nothing left (下一条 after 第36条). */
  nothingLeft?: NothingLeft;
  /** Set when the question is outside what the plan can answer, by the nature of the request or by place. */
  outOfPlan?: OutOfPlan;
}
