import {
  compilePlaces,
  compileRequestRules,
  type PlaceNames,
  type PlacesFile,
  type RequestKindsFile,
  type RequestRules,
} from './out-of-plan-cues.ts';
import { z } from 'zod';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import type { AnswerPolicySettings, QuestionType } from './answer-policy-schema.ts';
import type { AnswerTemplates } from './answer-templates.ts';
import {
  compileDocumentQuestionCues,
  type DocumentQuestionCues,
  type DocumentQuestionsFile,
} from './document-question-cues.ts';

/** data/dict/followup-cues.json: what marks a message as a follow-up to the previous turn. */
export const FollowUpCuesFile = z.object({
  $comment: z.string().optional(),
  ordinal: z.string(),
  maxOrdinalLength: z.number().int().positive(),
  /** 下一条 / 后面一条: the article after the one just cited. */
  nextArticle: z.string(),
  /** 上一条 / 前一条: the article before the one just cited. */
  previousArticle: z.string(),
  more: z.string(),
  /** 具体怎么做 / 详细一点: more detail from the articles just cited, without repeating what was quoted. */
  elaborate: z.string(),
  deictic: z.string(),
  shortFollowUpLength: z.number().int().min(0),
});

/** data/dict/query-framing.json: words that frame a question without naming a topic, and names of articles and parts. */
export const QueryFramingFile = z.object({
  $comment: z.string().optional(),
  framingWords: z.array(z.string()),
  /**
   * Words that ask how a subject is treated (方面, 部署, 举措, 这一块) rather than name one: an article whose title names
   * the rest of the question is asked about as a whole (能源消费结构方面有什么部署 → 优化能源消费结构).
   */
  treatmentWords: z.array(z.string()).default([]),
  articleAliases: z.array(z.object({ phrases: z.array(z.string()), article: z.number().int() })),
  partWords: z.array(z.string()),
  partAliases: z.array(z.object({ phrases: z.array(z.string()), part: z.number().int() })),
});
export type QueryFraming = Omit<z.output<typeof QueryFramingFile>, '$comment'>;

/** data/dict/colloquial-map.json and english-terms.json: residents' and English words to the plan's own wording. */
export const TermMapFile = z.object({
  version: z.literal(1),
  entries: z.array(
    z.object({
      topic: z.string(),
      colloquial: z.array(z.string()).min(1),
      /** Regular expressions for phrasings a word list cannot enumerate (开个奶茶店, 开家小饭馆). */
      patterns: z.array(z.string()).optional(),
      policy: z.array(z.string()).min(1),
    }),
  ),
});

export interface FigureKind {
  kind: string;
  question: RegExp;
  evidence: RegExp;
  /** False when the document never holds such a figure (a phone number): nothing is quoted as related text. */
  quoteRelated: boolean;
  /** Broader kinds this one stands in for when both match: 多少亿 asks for money, not for any number. */
  replaces: string[];
  /** Where its figure must be: in a clause beside a specific word of the question, or anywhere in the sentence. */
  scope: 'clause' | 'sentence';
}

export interface TermMapEntry {
  topic: string;
  /** Normalised, longest first. */
  colloquial: string[];
  patterns: RegExp[];
  policy: string[];
  /** The policy terms normalised for matching (normalizeForMatch), as article texts are searched for them. */
  policyForMatch: string[];
}

export interface FollowUpCues {
  ordinal: RegExp;
  maxOrdinalLength: number;
  nextArticle: RegExp;
  previousArticle: RegExp;
  more: RegExp;
  elaborate: RegExp;
  deictic: RegExp;
  shortFollowUpLength: number;
}

/**
 * The one policy object: every threshold, budget and rule of answering, the term lists and the templates, validated
 * once by loadAnswerPolicy and passed in (createApp deps, ChatService, HybridRetriever).
 */
export interface AnswerPolicy extends Omit<AnswerPolicySettings, 'rules' | '$comment'> {
  rules: {
    breadthQuestion: RegExp;
    goalsQuestion: RegExp;
    visionQuestion: RegExp;
    pointsRequested: RegExp;
    examplesQuestion: RegExp;
    mentions: { question: RegExp; maxArticleShare: number };
    premise: { denial: RegExp; hearsay: RegExp };
    questionTypes: Array<{ type: QuestionType; question: RegExp }>;
    figureKinds: FigureKind[];
  };
  followUp: FollowUpCues;
  framing: QueryFraming;
  /** Phrasings of questions about the document itself (when adopted, how many parts, 第23条属于哪一部分). */
  documentQuestions: DocumentQuestionCues;
  termMap: TermMapEntry[];
  /** The plan's own terms (data/dict/plan-terms.txt), normalised: they make a sentence concrete. */
  concreteTerms: ReadonlySet<string>;
  /** Requests a plan cannot answer by nature, and the places it does not govern (server/query/out-of-plan.ts). */
  outOfPlan: { requests: RequestRules; places: PlaceNames };
  templates: AnswerTemplates;
}

export interface AnswerPolicySources {
  settings: AnswerPolicySettings;
  followUp: z.output<typeof FollowUpCuesFile>;
  framing: z.output<typeof QueryFramingFile>;
  documentQuestions: z.output<typeof DocumentQuestionsFile>;
  termMaps: Array<z.output<typeof TermMapFile>>;
  planTerms: string[];
  requestKinds: z.output<typeof RequestKindsFile>;
  places: z.output<typeof PlacesFile>;
  templates: AnswerTemplates;
}

/** Compiles validated sources into the policy (regular expressions built, term lists normalised). Pure. */
export function compileAnswerPolicy(sources: AnswerPolicySources): AnswerPolicy {
  const { settings } = sources;
  const { $comment: _settingsComment, rules, ...numbers } = settings;
  const { $comment: _cuesComment, ...cues } = sources.followUp;
  const { $comment: _framingComment, ...framing } = sources.framing;
  return {
    ...numbers,
    rules: {
      breadthQuestion: new RegExp(rules.breadthQuestion),
      goalsQuestion: new RegExp(rules.goalsQuestion),
      visionQuestion: new RegExp(rules.visionQuestion),
      pointsRequested: new RegExp(rules.pointsRequested),
      examplesQuestion: new RegExp(rules.examplesQuestion),
      mentions: {
        question: new RegExp(rules.mentions.question),
        maxArticleShare: rules.mentions.maxArticleShare,
      },
      premise: {
        denial: new RegExp(rules.premise.denial),
        hearsay: new RegExp(rules.premise.hearsay),
      },
      questionTypes: rules.questionTypes.map((entry) => ({
        ...entry,
        question: new RegExp(entry.question),
      })),
      figureKinds: rules.figureKinds.map((figure) => ({
        ...figure,
        // Case-insensitive, as the request families are: How many … is asked as often as how many ….
        question: new RegExp(figure.question, 'i'),
        evidence: new RegExp(figure.evidence),
      })),
    },
    followUp: {
      ...cues,
      ordinal: new RegExp(cues.ordinal),
      nextArticle: new RegExp(cues.nextArticle),
      previousArticle: new RegExp(cues.previousArticle),
      more: new RegExp(cues.more),
      elaborate: new RegExp(cues.elaborate),
      deictic: new RegExp(cues.deictic),
    },
    framing,
    documentQuestions: compileDocumentQuestionCues(sources.documentQuestions),
    termMap: sources.termMaps.flatMap((file) =>
      file.entries.map((entry) => ({
        topic: entry.topic,
        colloquial: entry.colloquial
          .map(normalizeForMatch)
          .sort((left, right) => right.length - left.length),
        patterns: (entry.patterns ?? []).map((pattern) => new RegExp(pattern)),
        policy: entry.policy,
        policyForMatch: entry.policy.map(normalizeForMatch),
      })),
    ),
    concreteTerms: new Set(sources.planTerms.map(normalizeForMatch)),
    outOfPlan: {
      requests: compileRequestRules(sources.requestKinds),
      places: compilePlaces(sources.places),
    },
    templates: sources.templates,
  };
}
