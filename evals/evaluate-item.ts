import type { PlanDocument } from '../core/document-model.ts';
import type { ChatService } from '../server/chat/chat-service.ts';
import type { Audience, ChatResponse } from '../core/wire/chat-wire.ts';
import { absenceNoteReader } from './absence-notes.ts';
import { answerMarker } from './answer-marker.ts';
import { answerQuotes, textOutsideArticles } from './metrics/answer-quotes.ts';
import { premiseNoteReader } from './premise-notes.ts';
import type { EvalItem } from './dataset.ts';
import {
  citationPrecision,
  citationRecall,
  citationValidity,
  factsFound,
  unsupportedNumbers,
} from './metrics/answer-metrics.ts';
import { documentText } from '../core/plan-lookup.ts';
import {
  answerLength,
  falseAbsences,
  firstQuoteHoldsFact,
  quoteCount,
  quoteFactShare,
} from './metrics/quote-metrics.ts';
import { hitAtK, ndcgAtK, recallAtK, reciprocalRank } from './metrics/retrieval-metrics.ts';
import { halfOf, type Half } from './split.ts';

/** Every measurement taken for one dataset item; null where a metric does not apply to it. */
export interface ItemResult {
  id: string;
  category: EvalItem['category'];
  /** For an unanswerable item, why it cannot be answered (its kind, or its category for older items); else null. */
  refusalKind: string | null;
  /** The dataset half, fixed by the id (evals/split.ts). */
  half: Half;
  /** The audience the item was asked in. */
  mode: Audience;
  answerable: boolean;
  answered: boolean;
  ranked: number[];
  hitAt1: number | null;
  hitAt3: number | null;
  hitAt5: number | null;
  recallAt5: number | null;
  mrr: number | null;
  ndcgAt5: number | null;
  citationValidity: number;
  citationPrecision: number | null;
  citationRecall: number | null;
  factsTotal: number;
  factsFound: number;
  unsupportedNumbers: string[];
  /** 1 when the first cited quote holds a key fact; null for an item without facts. */
  firstQuoteFact: number | null;
  /** Share of the cited quotes that hold a key fact; null without facts or without quotes. */
  quoteFactShare: number | null;
  /** Number of quoted passages (citations). */
  quotes: number;
  /** Answer length in characters. */
  answerChars: number;
  /** Phrases a "not in the document" note names although the document uses them. */
  falseAbsences: string[];
  /** For a false-premise item: 1 when the answer says the claim is not the plan's or is to be checked; else null. */
  premiseNoted: number | null;
  retrievalMs: number;
  answerMs: number;
  answer: string;
  cited: number[];
}

/** Runs one item through the chat service (the /api/chat code path) and scores the response. */
export async function evaluateItem(
  item: EvalItem,
  chat: ChatService,
  doc: PlanDocument,
  mode: Audience,
): Promise<ItemResult> {
  const outcome = await chat.answer({ message: item.question, history: item.history ?? [], mode });
  const response: ChatResponse = outcome.response;
  const ranked = [
    ...new Set(
      outcome.retrieval.hits.flatMap((hit) => (hit.article === null ? [] : [hit.article])),
    ),
  ];
  const cited = [...new Set(response.citations.map((citation) => citation.article))];
  const scored = item.answerable && item.gold.length > 0;
  const facts = item.facts ?? [];
  const found = factsFound(response.answer, facts);
  // The answer's quotes in reading order: its citations, and the document's own text it quotes outside the articles.
  const quotes = answerQuotes(
    response.answer,
    response.citations,
    textOutsideArticles(doc),
    answerMarker(),
  );
  return {
    id: item.id,
    category: item.category,
    refusalKind: item.answerable ? null : (item.kind ?? item.category),
    half: halfOf(item.id),
    mode,
    answerable: item.answerable,
    answered: response.answered,
    ranked,
    hitAt1: scored ? hitAtK(ranked, item.gold, 1) : null,
    hitAt3: scored ? hitAtK(ranked, item.gold, 3) : null,
    hitAt5: scored ? hitAtK(ranked, item.gold, 5) : null,
    recallAt5: scored ? recallAtK(ranked, item.gold, 5) : null,
    mrr: scored ? reciprocalRank(ranked, item.gold) : null,
    ndcgAt5: scored ? ndcgAtK(ranked, item.gold, 5) : null,
    citationValidity: citationValidity(response.citations, doc),
    citationPrecision: item.answerable
      ? citationPrecision(cited, item.gold, item.acceptable)
      : null,
    citationRecall: item.answerable ? citationRecall(cited, item.gold) : null,
    factsTotal: found.length,
    factsFound: found.filter(Boolean).length,
    unsupportedNumbers: unsupportedNumbers(response.answer, cited, doc, answerMarker()),
    firstQuoteFact: firstQuoteHoldsFact(quotes, facts),
    quoteFactShare: quoteFactShare(quotes, facts),
    quotes: quoteCount(quotes),
    answerChars: answerLength(response.answer),
    falseAbsences: falseAbsences(response.answer, absenceNoteReader(), documentText(doc)),
    premiseNoted:
      item.category === 'false_premise' ? (premiseNoteReader()(response.answer) ? 1 : 0) : null,
    retrievalMs: outcome.timings.retrievalMs,
    answerMs: outcome.timings.answerMs,
    answer: response.answer,
    cited,
  };
}
