import { describe, expect, it } from 'vitest';
import type { Audience } from '../../core/wire/chat-wire.ts';
import type { AnswerContext } from '../../server/answering/answer-types.ts';
import { composeExtractive } from '../../server/answering/compose-answer.ts';
import { decideAnswerability } from '../../server/answering/decide-answerability.ts';
import { gatherFigureEvidence } from '../../server/answering/gather-figure-evidence.ts';
import type { NothingLeft } from '../../server/query/question-analysis.ts';
import type { RetrievalHit } from '../../server/retrieval/retrieval-types.ts';
import { informativeWords } from '../../server/retrieval/subject-support.ts';
import { usableHits } from '../../server/retrieval/usable-hits.ts';
import {
  articleHit,
  evidenceQueryFor,
  planLexicon,
  realPlan,
  realPolicy,
  retrievalFor,
} from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();
const { fill } = policy.templates;

/**
 * The context the chat service builds: the decision from the hits (with the figure evidence, as the service gathers
 * it), the evidence query without what was quoted.
 */
function contextFor(
  question: string,
  hits: RetrievalHit[],
  options: {
    mode?: Audience;
    alreadyQuoted?: string[];
    nothingLeft?: NothingLeft;
    asksForMore?: boolean;
  } = {},
): AnswerContext {
  const retrieval = retrievalFor(question, hits);
  const usable = usableHits(retrieval, policy.answerability);
  const evidenceQuery = {
    ...evidenceQueryFor(retrieval),
    exclude: new Set(options.alreadyQuoted ?? []),
  };
  const questionWords = informativeWords(retrieval.queryTerms, planLexicon());
  const decision = decideAnswerability(
    {
      retrieval,
      usable,
      figureEvidence: gatherFigureEvidence(
        retrieval,
        usable,
        evidenceQuery,
        doc,
        policy,
        questionWords,
      ),
      nothingLeft: options.nothingLeft,
      asksForMore: options.asksForMore,
    },
    policy,
  );
  return {
    question,
    history: [],
    mode: options.mode ?? 'staff',
    retrieval,
    decision,
    document: doc,
    evidenceQuery,
    policy,
  };
}

const quotesOf = (draft: { citations: Array<{ quote: string }> }) =>
  draft.citations.map((citation) => citation.quote);

const CLUSTERS = '乌海要打造哪两个产业集群？ 具体怎么做';
const RANKED_11 = [articleHit(11, { score: 0.9, coverage: 0.9 })];
const WHOLE_12 = [articleHit(12, { score: 1, coverage: 0, via: 'structure' })];

describe('具体怎么做: composition leaves out the sentences already quoted', () => {
  it.each(['staff', 'citizen'] as Audience[])(
    'a ranked article gives new sentences only (%s)',
    (mode) => {
      const before = composeExtractive(contextFor(CLUSTERS, RANKED_11, { mode }));
      const quoted = quotesOf(before);
      expect(quoted.length).toBeGreaterThan(0);
      const after = composeExtractive(
        contextFor(CLUSTERS, RANKED_11, { mode, alreadyQuoted: quoted }),
      );
      expect(after.answered).toBe(true);
      expect(quotesOf(after).length).toBeGreaterThan(0);
      for (const quote of quotesOf(after)) {
        expect(quoted).not.toContain(quote);
        expect(before.answer).not.toContain(quote);
      }
      expect(after.citations.every((citation) => citation.article === 11)).toBe(true);
    },
  );

  it.each([
    ['staff', WHOLE_12, '第12条讲什么'],
    ['citizen', WHOLE_12, '第12条讲什么'],
    ['trainer', [articleHit(23, { score: 1, coverage: 0, via: 'structure' })], '第23条讲什么'],
  ] as Array<[Audience, RetrievalHit[], string]>)(
    'an article asked about as a whole continues after the sentences already quoted (%s)',
    (mode, hits, question) => {
      const before = composeExtractive(contextFor(question, hits, { mode }));
      const after = composeExtractive(
        contextFor(`${question} 具体说说`, hits, { mode, alreadyQuoted: quotesOf(before) }),
      );
      expect(quotesOf(after).length).toBeGreaterThan(0);
      for (const quote of quotesOf(after)) expect(before.answer).not.toContain(quote);
    },
  );
});

describe('follow-ups that find nothing left say so instead of repeating or refusing', () => {
  const last = doc.articles.at(-1)!.number;
  const first = doc.articles[0]!.number;

  it.each([
    [{ kind: 'no-next', article: last } as NothingLeft, fill('followUp.noNext', { article: last })],
    [
      { kind: 'no-previous', article: first } as NothingLeft,
      fill('followUp.noPrevious', { article: first }),
    ],
    [
      { kind: 'all-quoted', articles: [11, 13] } as NothingLeft,
      fill('followUp.allQuoted', { articles: '第11条、第13条' }),
    ],
  ])('%o is answered with its note, no quote and no related articles', (left, text) => {
    const draft = composeExtractive(contextFor('下一条', WHOLE_12, { nothingLeft: left }));
    expect(draft).toEqual({ answer: text, answered: false, citations: [], related: [] });
  });

  it('the notes name the article the conversation is at', () => {
    expect(fill('followUp.noNext', { article: last })).toContain(`第${last}条`);
    expect(fill('followUp.noPrevious', { article: first })).toContain(`第${first}条`);
  });

  it('还有吗 with no other usable article says the rest was already listed, not that the plan is silent', () => {
    const weak = [articleHit(21, { score: 0.01, coverage: 0 })];
    const draft = composeExtractive(
      contextFor('看病方面有什么新说法？', weak, { asksForMore: true }),
    );
    expect(draft).toEqual({
      answer: fill('followUp.noMore'),
      answered: false,
      citations: [],
      related: [],
    });
    expect(draft.answer).not.toBe(fill('refusal.notCoveredGeneric'));
  });

  it('还有吗 with another usable article answers from it', () => {
    const draft = composeExtractive(
      contextFor('看病方面有什么新说法？', [articleHit(17, { score: 0.8, coverage: 0.8 })], {
        asksForMore: true,
      }),
    );
    expect(draft.answered).toBe(true);
    expect(draft.citations.map((citation) => citation.article)).toContain(17);
  });
});
