import { z } from 'zod';

/**
 * Every threshold, budget and rule of answering, with its default. data/answer-policy.json overrides what it states;
 * the loader (load-answer-policy.ts) validates the file against this schema once, at start-up.
 */

/** Kinds of answer a question can want; each has a citizen lead line (citizen.leads.<type>). */
export const QUESTION_TYPES = ['yesNo', 'how', 'list'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

const ArticleBudget = z.object({
  /** Sentences quoted from the first (best) article. */
  first: count,
  /** Sentences quoted from each further article. */
  more: count,
  /** Sentences quoted in all, across articles. */
  total: count,
  /** Lines of a list answer: a part's articles (第八部分讲了什么) or the main goals. */
  listItems: count,
});

export const AnswerPolicyFile = z.object({
  $comment: z.string().optional(),
  retrieval: z
    .object({
      /** RRF constant; small corpora favour a small constant (top ranks matter more). */
      rrfConstant: z.number().positive().default(10),
      bm25Weight: z.number().min(0).default(1),
      vectorWeight: z.number().min(0).default(1),
      /** How much a policy term added for an everyday word counts, relative to the asker's own words. */
      expansionWeight: z.number().min(0).default(0.7),
      /** General-language IDF at which an everyday phrase counts as fully specific (托儿所 ≈ 11, 上班 ≈ 7.4). */
      specificIdf: z.number().positive().default(10),
      /**
       * A term-map entry lists the plan's words for an everyday phrase closest first (取暖 → 清洁供暖 before 四类管网):
       * each later one counts this much less than the one before it (1: all alike).
       */
      policyTermDecay: share.default(1),
      /** Share of the final score that comes from query coverage rather than the fused rank. */
      coverageWeight: share.default(0.15),
      /** Chunks taken from each ranking before fusion. */
      candidates: z.number().int().positive().default(60),
      /** A token in more than this share of all chunks says nothing about coverage (乌海, 发展). */
      ubiquitousShare: share.default(0.25),
      /** Hits returned by default, and considered when a follow-up asks for more (还有吗). */
      k: z.number().int().positive().default(5),
      moreK: z.number().int().positive().default(10),
      /** Messages longer than this are searched by their question sentences only. */
      longMessageChars: z.number().int().positive().default(160),
    })
    .prefault({}),
  answerability: z
    .object({
      /** Share of the question's informative words an article must hold to be an answer: the refusal threshold. */
      minCoverage: share.default(0.15),
      /** Further articles join when they rank and cover the question nearly as well as the best one. */
      secondaryScoreShare: share.default(0.4),
      secondaryCoverageShare: share.default(0.7),
      /** A question that asks across the plan (哪些方面) accepts further articles covering less of it. */
      breadthCoverageShare: share.default(0.5),
      /** A figure question whose subject the plan discusses is told what it says on matches this much weaker. */
      figureCoverageShare: share.default(0.5),
      maxArticles: z.number().int().positive().default(4),
      /** Fused scores closer than this count as a tie. */
      tie: z.number().min(0).default(0.005),
      /** The part that reviews the last plan and sets the goals: it joins an answer only as the best match. */
      overviewPart: z.number().int().positive().default(1),
      /** Closest articles offered as related reading with a refusal or beside an answer. */
      related: count.default(3),
      /** Sentences per article whose text decides whether a figure question finds its figure. */
      figureEvidenceSentences: z.number().int().positive().default(2),
      /**
       * A word this specific in general language (IDF) names a subject (供暖, 骨科), where 市委 or 以后 does not: a
       * sentence shares one such word with the question, or two others, to be quoted beside a refusal.
       */
      subjectSpecificIdf: z.number().positive().default(8),
    })
    .prefault({}),
  evidence: z
    .object({
      /** Characters per unit of the mild length penalty on long sentences. */
      lengthUnit: z.number().positive().default(40),
      /** Citizens get concrete sentences first: each named programme, place or figure adds this much. */
      concreteBoost: z.number().min(0).default(0.15),
      concreteCap: count.default(4),
      /** Opening sentences quoted first when a question is about an article as a whole. */
      wholeArticleLead: count.default(2),
      /** A further sentence (or article) is quoted only when it scores this share of the best sentence. */
      supportingShare: share.default(0.5),
      /**
       * Across articles a sentence stands at its score × (its article's retrieval score / the best one's) to this
       * power: 0 ranks sentences alone, higher values trust the article ranking more.
       */
      articleRankPower: z.number().min(0).default(2),
      /** How much a word of the scene around the question counts in a sentence, next to one of the asking clause. */
      sceneWeight: share.default(0.5),
      /**
       * 具体怎么做 after a quote: a sentence next to one already quoted carries this much more score, halving with each
       * sentence further away (a plan sets out one measure's details beside it). 0 turns it off.
       */
      elaborateProximity: z.number().min(0).default(0),
    })
    .prefault({}),
  budgets: z
    .object({
      staff: ArticleBudget.extend({
        first: count.default(3),
        more: count.default(2),
        total: count.default(8),
        listItems: count.default(8),
      }).prefault({}),
      citizen: ArticleBudget.extend({
        first: count.default(3),
        more: count.default(1),
        total: count.default(4),
        listItems: count.default(8),
      }).prefault({}),
      trainer: ArticleBudget.extend({
        first: count.default(3),
        more: count.default(3),
        total: count.default(12),
        listItems: count.default(8),
        /** One article named for a study session gets a fuller set of points. */
        single: count.default(5),
        /** Points per article when more than `manyArticles` articles are studied at once. */
        perArticleWhenMany: count.default(2),
        manyArticles: count.default(3),
        /** Articles that get a discussion question. */
        discussionArticles: count.default(2),
      }).prefault({}),
      /** Staff asking about an article by number get one sentence beyond the budget. */
      staffStructuralExtra: count.default(1),
    })
    .prefault({}),
  model: z
    .object({
      /** Earlier turns the model sees, newest last, and how much of each. */
      historyTurns: count.default(6),
      historyChars: z.number().int().positive().default(600),
      condenseTurns: count.default(6),
      condenseTurnChars: z.number().int().positive().default(400),
      condensedMaxChars: z.number().int().positive().default(300),
    })
    .prefault({}),
  rules: z.object({
    /** Questions that ask across the plan (哪些方面, 怎么部署): their answers may draw on more articles. */
    breadthQuestion: z.string(),
    /** Questions about the main goals, unless they ask about the 2035 vision. */
    goalsQuestion: z.string().default('目标'),
    visionQuestion: z.string().default('2035|二〇三五|远景'),
    /** A trainer asking for a number of points (概括三点, 列5个要点): the outline gives that many per article. */
    pointsRequested: z
      .string()
      .default('([0-9]+|[一二两三四五六七八九十]+)\\s*(个|条)?(要点|重点|点)(?![名头钟])'),
    /**
     * A question that asks where the plan mentions something (哪些地方提到了氢能, 固态电池出现在哪几条): answered with
     * every article that uses its subject, when the subject is in at most maxArticleShare of the articles.
     */
    mentions: z
      .object({ question: z.string(), maxArticleShare: share })
      .default({ question: '$^', maxArticleShare: 0.25 }),
    /** A question that asks for examples (举例, 具体例子): the most concrete sentences come first, as for citizens. */
    examplesQuestion: z.string().default('例子|举例|案例|实例|事例|典型'),
    /**
     * Questions built on a claim about the plan: `denial` says it drops or reverses something (不再, 取消, 填了);
     * `hearsay` passes on what someone said (听说, 真的假的). The answer quotes what the plan says and, for a denial
     * its quotes do not repeat, says that the plan does not say so.
     */
    premise: z
      .object({ denial: z.string(), hearsay: z.string() })
      .default({ denial: '$^', hearsay: '$^' }),
    /** What kind of answer a question wants (会不会 → yesNo, 怎么 → how, 哪些 → list): the first match wins. */
    questionTypes: z
      .array(z.object({ type: z.enum(QUESTION_TYPES), question: z.string() }))
      .default([]),
    /** Questions that ask for a figure, date or contact, and what would count as one in the document. */
    figureKinds: z.array(
      z.object({
        kind: z.string(),
        question: z.string(),
        evidence: z.string(),
        quoteRelated: z.boolean(),
        /** Broader kinds this one stands in for when both match (多少亿 asks for money, not any number). */
        replaces: z.array(z.string()).default([]),
        /** clause: the figure sits beside a specific word of the question; sentence: anywhere in the best sentences. */
        scope: z.enum(['clause', 'sentence']).default('clause'),
      }),
    ),
  }),
});

export type AnswerPolicyFileInput = z.input<typeof AnswerPolicyFile>;
export type AnswerPolicySettings = z.output<typeof AnswerPolicyFile>;
