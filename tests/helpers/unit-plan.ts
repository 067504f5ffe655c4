/** Cheap fixtures for unit tests: the parsed plan (no index), the real answer policy, and hand-built retrieval hits. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import { loadGeneralIdf } from '../../ingest/embedding/general-idf.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { EvidenceQuery } from '../../server/answering/select-evidence.ts';
import type { AnswerPolicy } from '../../server/policy/answer-policy.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { analyzeText } from '../../server/query/analyze-question.ts';
import type { RetrievalHit, RetrievalResult } from '../../server/retrieval/retrieval-types.ts';
import type { SubjectLexicon } from '../../server/retrieval/subject-support.ts';

let plan: PlanDocument | undefined;

/** The real proposal, parsed (36 articles in 10 parts). */
export function realPlan(): PlanDocument {
  plan ??= parsePlan(
    readFileSync(path.join(import.meta.dirname, '../../data/wuhai-15th-fyp-proposal.txt'), 'utf8'),
    'wuhai',
  );
  return plan;
}

export function realPolicy(): AnswerPolicy {
  return loadAnswerPolicy();
}

/** A ranked article hit; title, part and section come from the document when it has the article. */
export function articleHit(
  article: number,
  fields: Partial<RetrievalHit> = {},
  doc: PlanDocument = realPlan(),
): RetrievalHit {
  const found = articleByNumber(doc, article);
  const part = found ? partByNumber(doc, found.partNumber) : undefined;
  return {
    article,
    title: found?.title ?? `条文${article}`,
    part: found?.partNumber ?? null,
    partTitle: part?.title ?? null,
    section: 'article',
    score: 0.5,
    coverage: 0.5,
    matchesExpansion: false,
    chunks: [],
    via: 'ranking',
    ...fields,
  };
}

/** A retrieval result for a question, analysed as the server would (structure, expansions, figure kinds). */
export function retrievalFor(
  question: string,
  hits: RetrievalHit[],
  policy: AnswerPolicy = realPolicy(),
  doc: PlanDocument = realPlan(),
): RetrievalResult {
  const analyzed = analyzeText(question, doc, policy);
  return {
    query: question,
    hits,
    named: analyzed.named,
    expandedFrom: analyzed.expansion.matched,
    expansionTopics: analyzed.expansion.topics,
    queryTerms: analyzed.queryTerms,
    focusedQuery: analyzed.focused,
    analyzed,
  };
}

/** The evidence query for a retrieval result, with flat IDF. */
export function evidenceQueryFor(
  retrieval: RetrievalResult,
  policy: AnswerPolicy = realPolicy(),
): EvidenceQuery {
  return { terms: retrieval.queryTerms, idf: () => 1, weights: policy.evidence };
}

/**
 * The plan's vocabulary read from its articles (no index): a word is generic when more than a quarter of the articles
 * hold it (as the retriever reads chunks), specific by general-language IDF.
 */
export function planLexicon(doc: PlanDocument = realPlan()): SubjectLexicon {
  const documentFrequency = new Map<string, number>();
  for (const article of doc.articles)
    for (const token of new Set(tokenize(article.text)))
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const idf = loadGeneralIdf();
  return {
    generic: (token) => (documentFrequency.get(token) ?? 0) > doc.articles.length * 0.25,
    specificity: (token) => idf.weight(token),
  };
}
