import type { PlanDocument } from '../../core/document-model.ts';
import { readTermList } from '../../ingest/tokenizer.ts';
import { dataFile } from '../../ingest/project-paths.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import type { AnswerContext, Answerer, DraftAnswer } from '../answerers/answerer.ts';
import { ExtractiveAnswerer } from '../answerers/extractive-answerer.ts';
import { articleByNumber, bestSentences, type EvidenceQuery } from '../answerers/select-evidence.ts';
import { ProviderError } from '../errors.ts';
import type { ChatModel } from '../llm/chat-model.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import type { RetrievalHit, RetrievalResult } from '../retrieval/retrieval-types.ts';
import { decideAnswerability } from './answerability.ts';
import { fill } from './answer-templates.ts';
import type { Audience, ChatResponse, ChatTurn } from '../../core/wire/chat-wire.ts';
import { condenseFollowUp } from './condense-followup.ts';
import { retrieveForPlan } from './retrieve-for-plan.ts';
import { resolveFollowUp } from './resolve-followup.ts';
import { ResponseCache } from './response-cache.ts';
import { ModelAnswerer } from '../answerers/model-answerer.ts';

export interface ChatRequest {
  message: string;
  history: ChatTurn[];
  mode: Audience;
}

/** Filled in by respond() when passed: what retrieval found and how long each stage took (for evaluation). */
export interface ChatTrace {
  retrieval?: RetrievalResult;
  retrievalMs?: number;
  answerMs?: number;
}

export interface ChatServiceDeps {
  retriever: HybridRetriever;
  document: PlanDocument;
  chatModel: ChatModel | null;
  /** Called when the model fails and the offline answer is served instead. */
  onModelFailure?: (error: unknown) => void;
  /** How many offline answers to keep for repeated questions (0: none). Model answers are never cached. */
  responseCacheSize?: number;
}

/** One chat turn: follow-up resolution → retrieval → answerability → answer (model or extractive) → checked response. */
export class ChatService {
  private readonly extractive = new ExtractiveAnswerer();
  private readonly model: ModelAnswerer | null;
  private readonly concreteTerms: Set<string>;
  private readonly cache: ResponseCache<{ response: ChatResponse; trace: ChatTrace }>;

  constructor(private readonly deps: ChatServiceDeps) {
    this.model = deps.chatModel ? new ModelAnswerer(deps.chatModel, (token) => deps.retriever.termIdf(token)) : null;
    this.concreteTerms = new Set(readTermList(dataFile('dict', 'plan-terms.txt')).map(normalizeForMatch));
    this.cache = new ResponseCache(deps.chatModel ? 0 : (deps.responseCacheSize ?? 0));
  }

  get provider(): string {
    return this.model?.id ?? 'offline';
  }

  async respond(request: ChatRequest, options: { signal?: AbortSignal; onDelta?: (text: string) => void; trace?: ChatTrace } = {}): Promise<ChatResponse> {
    const key = JSON.stringify([request.mode, request.message, request.history]);
    const cached = this.cache.get(key);
    if (cached) {
      if (options.trace) Object.assign(options.trace, cached.trace, { retrievalMs: 0, answerMs: 0 });
      if (options.onDelta) for (const line of cached.response.answer.split(/(?<=\n)/)) options.onDelta(line);
      return cached.response;
    }
    const trace: ChatTrace = {};
    const response = await this.answerFresh(request, { ...options, trace });
    if (options.trace) Object.assign(options.trace, trace);
    if (response.provider === 'offline') this.cache.set(key, { response, trace: { retrieval: trace.retrieval } });
    return response;
  }

  private async answerFresh(request: ChatRequest, options: { signal?: AbortSignal; onDelta?: (text: string) => void; trace: ChatTrace }): Promise<ChatResponse> {
    const started = performance.now();
    const { document, retriever } = this.deps;
    let plan = resolveFollowUp(request.message, request.history, document);
    if (this.deps.chatModel && request.history.length > 0 && plan.kind === 'standalone' && plan.previousQuestion) {
      const condensed = await condenseFollowUp(this.deps.chatModel, request.message, request.history, options.signal).catch(() => null);
      if (condensed) plan = { ...plan, query: condensed, previousQuestion: undefined };
    }
    const retrieval = await retrieveForPlan(retriever, plan, options.signal);
    const evidenceQuery: EvidenceQuery = {
      terms: retrieval.queryTerms,
      idf: (token) => retriever.termIdf(token),
      preferConcrete: request.mode === 'citizen',
      concreteTerms: this.concreteTerms,
    };
    const decision = decideAnswerability(retrieval, (hits) => this.evidenceText(hits, evidenceQuery));
    const context: AnswerContext = { question: request.message, history: request.history, mode: request.mode, retrieval, decision, document, evidenceQuery, goalOrdinal: plan.goalOrdinal };
    Object.assign(options.trace, { retrieval, retrievalMs: performance.now() - started });

    const answerStarted = performance.now();
    const { draft, provider } = await this.answer(context, options);
    options.trace.answerMs = performance.now() - answerStarted;
    return { ...draft, mode: request.mode, provider };
  }

  private async answer(context: AnswerContext, options: { signal?: AbortSignal; onDelta?: (text: string) => void }): Promise<{ draft: DraftAnswer; provider: string }> {
    const useModel = this.model && context.decision.kind === 'answer';
    if (!useModel) return { draft: await this.extractive.answer(context, options), provider: 'offline' };
    try {
      return { draft: await this.model!.answer(context, options), provider: this.model!.id };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      this.deps.onModelFailure?.(error instanceof ProviderError ? error : new ProviderError('model answer failed', true, { cause: error }));
      const draft = await this.extractive.answer(context, { signal: options.signal });
      return { draft: { ...draft, notice: fill('notices.fallback') }, provider: 'offline-fallback' };
    }
  }

  private evidenceText(hits: RetrievalHit[], query: EvidenceQuery): string {
    return hits
      .flatMap((hit) => (hit.article === null ? [] : bestSentences(articleByNumber(this.deps.document, hit.article)!, query, 2)))
      .map((evidence) => evidence.sentence.text)
      .join('');
  }
}
