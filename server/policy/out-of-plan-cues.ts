import { z } from 'zod';

/** Why the plan cannot answer a request by its nature (data/dict/request-kinds.json), or where it is about. */
export const REQUEST_KINDS = [
  'realtime',
  'errand',
  'contact-recommendation',
  'advice',
  'chitchat-creative',
  'roleplay-fabrication',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

const pattern = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    try {
      new RegExp(source, 'iu');
    } catch (error) {
      context.addIssue({ code: 'custom', message: `not a regular expression: ${String(error)}` });
    }
  });

/** data/dict/request-kinds.json: families of requests a development plan cannot answer by nature. */
export const RequestKindsFile = z.object({
  $comment: z.string().optional(),
  families: z
    .array(
      z.object({
        $comment: z.string().optional(),
        kind: z.enum(REQUEST_KINDS),
        /** The family does not refuse when the message also names an article or part (its question is answered). */
        unlessNamed: z.boolean().default(false),
        cues: z.array(pattern).min(1),
      }),
    )
    .min(1),
  /** A question asking what will be done (以后, 会不会改善): the families it names in `overrides` do not refuse it. */
  policyIntent: z.object({
    $comment: z.string().optional(),
    cue: pattern,
    /** A near-term word (今天, 现在) makes it a question about now: the intent does not hold. */
    nearTerm: pattern,
    /**
     * A question that asks outright what the plan says (规划里有没有…的办法, what does the plan say): the intent holds
     * even beside a near-term word, which then only describes the asker's situation (现在挂号太难了).
     */
    explicit: pattern.default('$^'),
    overrides: z.array(z.enum(REQUEST_KINDS)),
  }),
  /** Everyday spellings read as their standard form before matching (咋 → 怎么). */
  dialect: z.record(z.string().min(1), z.string()),
  /** Questions that compare or choose between things (server/query/unnamed-comparison.ts). */
  comparison: z.object({
    $comment: z.string().optional(),
    /** A clause that asks which, or how things differ (哪个, 区别, 差在哪). */
    cue: pattern,
    /** Words that join two things compared in such a clause (和, 跟, 比). */
    connectors: z.array(z.string().min(1)),
    /** Words that offer a choice between two things in any clause (还是). */
    alternative: z.array(z.string().min(1)),
    /**
     * Light words that may stand between a connector and the thing compared (配眼镜好还是做角膜塑形好: 好, 做): an
     * evaluation or a light verb, never a word of content.
     */
    light: z.array(z.string().min(1)).default([]),
  }),
});

/** data/dict/places.json: Wuhai's own names, and the places the plan does not govern. */
export const PlacesFile = z.object({
  $comment: z.string().optional(),
  home: z.array(z.string().min(1)).min(1),
  elsewhere: z.array(z.string().min(1)).min(1),
  /**
   * Questions about places other than Wuhai that name none (外地的养老政策怎么样, 国外是怎么做的): patterns on the cue
   * text, and the words a refusal names the place with.
   */
  unnamedElsewhere: z
    .object({
      $comment: z.string().optional(),
      cues: z.array(pattern),
      label: z.string().min(1),
    })
    .default({ cues: [], label: '其他地方' }),
});

export interface RequestFamily {
  kind: RequestKind;
  unlessNamed: boolean;
  cue: RegExp;
}

export interface RequestRules {
  families: RequestFamily[];
  policyIntent: {
    cue: RegExp;
    nearTerm: RegExp;
    explicit: RegExp;
    overrides: ReadonlySet<RequestKind>;
  };
  /** [spelling, standard form], longest spelling first. */
  dialect: Array<[string, string]>;
  comparison: {
    cue: RegExp;
    connectors: ReadonlySet<string>;
    alternative: ReadonlySet<string>;
    light: ReadonlySet<string>;
  };
}

/** The compiled cues: one regular expression per family, tried in file order (case-insensitive). */
export function compileRequestRules(file: z.output<typeof RequestKindsFile>): RequestRules {
  const { $comment: _comment, ...dialect } = file.dialect;
  return {
    families: file.families.map((family) => ({
      kind: family.kind,
      unlessNamed: family.unlessNamed,
      cue: new RegExp(family.cues.map((cue) => `(?:${cue})`).join('|'), 'iu'),
    })),
    policyIntent: {
      cue: new RegExp(file.policyIntent.cue, 'iu'),
      nearTerm: new RegExp(file.policyIntent.nearTerm, 'iu'),
      explicit: new RegExp(file.policyIntent.explicit, 'iu'),
      overrides: new Set(file.policyIntent.overrides),
    },
    dialect: Object.entries(dialect).sort(([left], [right]) => right.length - left.length),
    comparison: {
      cue: new RegExp(file.comparison.cue, 'iu'),
      connectors: new Set(file.comparison.connectors),
      alternative: new Set(file.comparison.alternative),
      light: new Set(file.comparison.light),
    },
  };
}

export interface PlaceNames {
  /** Wuhai's own names, longest first. */
  home: string[];
  /** Other places, longest first (those the document names are set aside where the document is known). */
  elsewhere: string[];
  /** A question about places other than Wuhai that names none, and how a refusal names them; null without cues. */
  unnamedElsewhere: { cue: RegExp; label: string } | null;
}

/** The place lists, longest first so that a longer name (海南区) is read before a shorter one inside it (海南). */
export function compilePlaces(file: z.output<typeof PlacesFile>): PlaceNames {
  const byLength = (left: string, right: string) => right.length - left.length;
  const { cues, label } = file.unnamedElsewhere;
  return {
    home: [...file.home].sort(byLength),
    elsewhere: [...file.elsewhere].sort(byLength),
    unnamedElsewhere:
      cues.length > 0
        ? { cue: new RegExp(cues.map((cue) => `(?:${cue})`).join('|'), 'iu'), label }
        : null,
  };
}
