import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, documentText, partByNumber } from '../../core/plan-lookup.ts';
import type { ChatTurn } from '../../core/wire/chat-wire.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { hasUnquotedSentence } from './already-quoted.ts';
import { askedFigureKinds } from './asked-figure-kinds.ts';
import { askingClause, isSceneWord } from './asking-clause.ts';
import { standInPhrases } from './stand-in-phrases.ts';
import { expandColloquial } from './colloquial-expansion.ts';
import { expandQuery } from './expanded-query.ts';
import { focusQuestion } from './focus-question.ts';
import { detectOutOfPlan } from './out-of-plan.ts';
import { detectDocumentQuestion } from './document-question.ts';
import { detectMentionQuestion } from './mention-question.ts';
import type {
  AnalyzedText,
  Premise,
  QuestionAnalysis,
  RetrievalAttempt,
} from './question-analysis.ts';
import { resolveFollowUp, type FollowUp } from './resolve-follow-up.ts';
import { parseStructuralReference } from './structural-reference.ts';

/** Analyses one text to be searched: structure, focus, everyday-word expansion, question type. */
export function analyzeText(
  text: string,
  doc: PlanDocument,
  policy: AnswerPolicy,
  message: string = text,
): AnalyzedText {
  const focused = focusQuestion(text, policy.retrieval.longMessageChars);
  const structure = parseStructuralReference(focused, doc, policy.framing);
  const known = new Set(doc.articles.map((article) => article.number));
  const parts = structure.parts.filter((number) => partByNumber(doc, number) !== undefined);
  const expansion = expandColloquial(focused, policy.termMap);
  const expanded = expandQuery(structure.remainder || focused, expansion, policy.retrieval);
  const goalsText = `${focused} ${message}`;
  // Framing words (讲了, 要点, 给干部讲) frame a question about a named article or part; elsewhere they may be its
  // subject (民族地区干部的什么要求).
  const framed = structure.articles.length > 0 || structure.parts.length > 0;
  const questionTypes = policy.rules.questionTypes;
  const asking = askingClause(
    focused,
    questionTypes.map((entry) => entry.question),
    expansion.matched,
  );
  const scene = (...words: string[]) =>
    words.length > 0 && words.every((word) => isSceneWord(word, asking)) ? { scene: true } : {};
  // A stand-in word is the asking clause's when any phrase it stands in for is there (看书 … 读书 → 书香乌海).
  const { askerPhrases, policyPhrases } = standInPhrases(expansion);
  return {
    text,
    focused,
    named: {
      articles: structure.articles.filter((number) => known.has(number)),
      parts,
      missingArticles: structure.articles.filter((number) => !known.has(number)),
      missingParts: structure.parts.filter((number) => !parts.includes(number)),
    },
    remainder: structure.remainder,
    topicTokens: tokenize(structure.remainder).filter(
      (token) => !policy.framing.framingWords.includes(token),
    ),
    expansion,
    expanded,
    queryTerms: [
      ...expanded.tokens
        .filter((token) => !(framed && policy.framing.framingWords.includes(token)))
        .map((token) => ({ token, weight: 1, ...scene(token) })),
      ...[...expanded.expansionWeights].map(([token, weight]) => {
        const concept = expanded.expansionPhrases.get(token);
        const phrases = policyPhrases.get(token) ?? [];
        return {
          token,
          weight,
          concept,
          ...scene(...(askerPhrases.get(token) ?? [])),
          ...(phrases.length > 0 ? { phrases } : {}),
        };
      }),
    ],
    breadth: policy.rules.breadthQuestion.test(focused),
    asksForGoals:
      policy.rules.goalsQuestion.test(goalsText) && !policy.rules.visionQuestion.test(goalsText),
    figureKinds: askedFigureKinds(
      policy.rules.figureKinds,
      focused,
      questionTypes.map((entry) => entry.question),
      policy.outOfPlan.requests.policyIntent.cue,
    ),
    questionType: questionTypes.find((entry) => entry.question.test(focused))?.type ?? null,
    premise: premiseOf(text, policy),
  };
}

/**
 * The claim a question is built on, if any: a denial (不再, 取消) before hearsay (听说). A denial word inside an
 * A-not-A question (还搞不搞, 建不建了, 管不管了) asks whether, and claims nothing. Pure.
 */
export function premiseOf(text: string, policy: AnswerPolicy): Premise | null {
  const { denial, hearsay } = policy.rules.premise;
  const denied = denial.exec(text);
  if (denied && !asksWhetherAt(text, denied.index, denied[0]))
    return { kind: 'denial', cue: denied[0] };
  const heard = hearsay.exec(text);
  return heard ? { kind: 'hearsay', cue: heard[0] } : null;
}

/** Whether a cue that starts with 不/没 is the middle of an A-not-A question: the character before it is the one after. */
function asksWhetherAt(text: string, index: number, cue: string): boolean {
  const negation = cue[0];
  if (negation !== '不' && negation !== '没') return false;
  const before = text[index - 1];
  return before !== undefined && before === cue[1];
}

export interface QuestionInput {
  message: string;
  history: readonly ChatTurn[];
  /** A model's standalone rewrite of a follow-up (condense-followup), searched instead of the message. */
  condensed?: string | null;
}

/** Resolves the follow-up (if any) and analyses every text that retrieval will search, once. */
export function resolveQuestion(
  input: Omit<QuestionInput, 'condensed'>,
  doc: PlanDocument,
  policy: AnswerPolicy,
): FollowUp {
  return resolveFollowUp(input.message, input.history, doc, {
    cues: policy.followUp,
    marker: policy.templates.marker,
    framing: policy.framing,
    goalsQuestion: policy.rules.goalsQuestion,
  });
}

/** The typed analysis of a question in its conversation: what to search, in which order, and what it asks for. */
export function analyzeQuestion(
  input: QuestionInput,
  doc: PlanDocument,
  policy: AnswerPolicy,
  resolved?: FollowUp,
): QuestionAnalysis {
  const followUp = resolved ?? resolveQuestion(input, doc, policy);
  const analysis = analyzeAttempts(input, doc, policy, followUp);
  // 第23条属于哪一部分 / 这一条属于哪一部分 / 建议是什么时候通过的: answered from the document's structure.
  const pointed = followUp.kind === 'deictic' ? (followUp.restrictToArticles ?? []) : [];
  const documentQuestion = detectDocumentQuestion(input.message, doc, policy, pointed);
  if (documentQuestion) return { ...analysis, documentQuestion };
  const named = analysis.attempts.some(
    ({ text }) => text.named.articles.length > 0 || text.named.parts.length > 0,
  );
  // 哪些地方提到了氢能: every article that uses the phrase, found in the text rather than ranked.
  const mentions =
    followUp.kind === 'standalone'
      ? detectMentionQuestion(input.message, doc, policy, named)
      : null;
  if (mentions) return { ...analysis, documentQuestion: mentions };
  const outOfPlan = detectOutOfPlan(input.message, policy.outOfPlan, documentText(doc), named);
  return outOfPlan ? { ...analysis, outOfPlan } : analysis;
}

/** The retrieval attempts of a question in its conversation. */
function analyzeAttempts(
  input: QuestionInput,
  doc: PlanDocument,
  policy: AnswerPolicy,
  resolved?: FollowUp,
): QuestionAnalysis {
  let followUp = resolved ?? resolveQuestion(input, doc, policy);
  if (input.condensed)
    followUp = { ...followUp, query: input.condensed, previousQuestion: undefined };
  const analyze = (text: string) => analyzeText(text, doc, policy, input.message);
  const { k, moreK } = policy.retrieval;
  const attempts: RetrievalAttempt[] = [];
  const { adjacent } = followUp;
  if (adjacent && adjacent.to === null) {
    // 下一条 after the last article (上一条 before the first): nothing to move to. The article moved from is
    // retrieved only so that the outcome records what the conversation was about.
    attempts.push({ kind: 'articles', text: analyze(followUp.query), articles: [adjacent.from] });
    const kind = adjacent.direction === 'next' ? 'no-next' : 'no-previous';
    return {
      message: input.message,
      followUp,
      attempts,
      nothingLeft: { kind, article: adjacent.from },
    };
  }
  if (followUp.kind === 'elaborate' && followUp.restrictToArticles) {
    return { message: input.message, followUp, ...elaborateAttempts(followUp, analyze, doc, k) };
  }
  if (followUp.directArticles && followUp.directArticles.length > 0) {
    attempts.push({
      kind: 'articles',
      text: analyze(followUp.query),
      articles: followUp.directArticles,
    });
  } else if (followUp.kind === 'more') {
    const text = analyze(followUp.query);
    attempts.push({
      kind: 'search',
      text,
      k,
      searchK: moreK,
      excludeArticles: followUp.excludeArticles ?? [],
    });
    // No other article answers: the articles already cited, for what they say on it that was not quoted yet.
    if (followUp.excludeArticles?.length)
      attempts.push({ kind: 'search', text, k, restrictToArticles: followUp.excludeArticles });
  } else {
    const own = analyze(followUp.query);
    if (followUp.kind === 'deictic' && followUp.restrictToArticles) {
      attempts.push({
        kind: 'search',
        text: own,
        k,
        restrictToArticles: followUp.restrictToArticles,
      });
      // 具体呢 / 这一条还讲了什么 has no subject of its own: it stays with the articles just cited, read with the
      // question before it, or else as a whole, instead of searching the whole plan.
      if (!hasOwnSubject(followUp.query, policy)) {
        if (followUp.previousQuestion) {
          const combined = analyze(`${followUp.previousQuestion} ${followUp.query}`);
          attempts.push({
            kind: 'search',
            text: combined,
            k,
            restrictToArticles: followUp.restrictToArticles,
          });
        }
        attempts.push({ kind: 'articles', text: own, articles: followUp.restrictToArticles });
        return { message: input.message, followUp, attempts };
      }
    }
    attempts.push({ kind: 'search', text: own, k });
    // A short follow-up that finds nothing alone (它是什么意思) is searched with the question it follows.
    if (followUp.previousQuestion)
      attempts.push({
        kind: 'search',
        text: analyze(`${followUp.previousQuestion} ${followUp.query}`),
        k,
      });
  }
  return { message: input.message, followUp, attempts };
}

/**
 * 具体怎么做: the articles just cited that still have a sentence no answer quoted, ranked by the question it follows up
 * (then taken as a whole); when none has, nothing is left to say.
 */
function elaborateAttempts(
  followUp: FollowUp,
  analyze: (text: string) => AnalyzedText,
  doc: PlanDocument,
  k: number,
): Pick<QuestionAnalysis, 'attempts' | 'nothingLeft'> {
  const cited = followUp.restrictToArticles ?? [];
  const quoted = new Set(followUp.alreadyQuoted ?? []);
  const fresh = cited.filter((number) => {
    const article = articleByNumber(doc, number);
    return article !== undefined && hasUnquotedSentence(article, quoted);
  });
  const text = analyze(
    followUp.previousQuestion ? `${followUp.previousQuestion} ${followUp.query}` : followUp.query,
  );
  if (fresh.length === 0)
    return {
      attempts: [{ kind: 'articles', text, articles: cited }],
      nothingLeft: { kind: 'all-quoted', articles: cited },
    };
  return {
    attempts: [
      { kind: 'search', text, k, restrictToArticles: fresh },
      { kind: 'articles', text, articles: fresh },
    ],
  };
}

/** Whether a follow-up names a subject besides pointing back (这一条, 具体) and framing the question (讲了什么). */
function hasOwnSubject(message: string, policy: AnswerPolicy): boolean {
  const withoutPointers = message.replace(new RegExp(policy.followUp.deictic.source, 'g'), ' ');
  return tokenize(withoutPointers).some((token) => !policy.framing.framingWords.includes(token));
}
