import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { PlanDocument } from '../../core/document-model.ts';
import type { Audience, ChatResponse, ChatTurn } from '../../core/wire/chat-wire.ts';
import type { AnswerContext, AnswerOptions, DraftAnswer } from '../answering/answer-types.ts';
import { composeExtractive } from '../answering/compose-answer.ts';
import { composeDocumentAnswer } from '../answering/compose-document-answer.ts';
import { hitsWithMoreToSay } from '../answering/more-to-say.ts';
import { decideAnswerability, type Answerability } from '../answering/decide-answerability.ts';
import { gatherFigureEvidence } from '../answering/gather-figure-evidence.ts';
import { informativeWords } from '../retrieval/subject-support.ts';
import type { EvidenceQuery } from '../answering/select-evidence.ts';
import { ProviderError } from '../errors.ts';
import { DEFAULT_MODEL_TIMEOUT_MS } from '../config.ts';
import { chatModelId } from '../llm/chat-model-id.ts';
import type { AnswerPolicy } from '../policy/answer-policy.ts';
import { loadAnswerPolicy } from '../policy/load-answer-policy.ts';
import { analyzeQuestion, resolveQuestion } from '../query/analyze-question.ts';
import type { DocumentQuestion } from '../query/document-question.ts';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.ts';
import { retrieveForQuestion } from '../retrieval/retrieve-for-question.ts';
import type { RetrievalResult } from '../retrieval/retrieval-types.ts';
import type { ModelPath } from './model-path.ts';
import {
  LocalResponseCache,
  responseCacheKey,
  type CachedAnswer,
  type ResponseCache,
  type ResponseCacheStats,
} from './response-cache.ts';

export interface ChatRequest {
  message: string;
  history: ChatTurn[];
  mode: Audience;
}

/** A response with what produced it: what retrieval found and how long each stage took (for evaluation and logs). */
export interface ChatOutcome {
  response: ChatResponse;
  retrieval: RetrievalResult;
  timings: { retrievalMs: number; answerMs: number };
  /** Why the question was not answered (the answerability decision's kind); absent when it was. */
  refusal?: Exclude<Answerability['kind'], 'answer'>;
}

export interface ChatAnswerOptions extends AnswerOptions {
  /** Receives the outcome behind the response (the question log records its refusal kind). */
  onOutcome?: (outcome: ChatOutcome) => void;
}

export interface ChatServiceDeps {
  retriever: HybridRetriever;
  document: PlanDocument;
  /** Any LangChain chat model (ChatOpenAI, ChatOllama, a fake in tests); null answers offline. */
  chatModel: BaseChatModel | null;
  /** The whole-call limit of a model answer (LLM_TIMEOUT_MS); the offline answer is served when it passes. */
  modelTimeoutMs?: number;
  /** The answer policy (loadAnswerPolicy() when absent). */
  policy?: AnswerPolicy;
  /** Called when the model fails and the offline answer is served instead. */
  onModelFailure?: (error: unknown) => void;
  /** How many offline answers to keep in this process for repeated questions (0: none); ignored with responseCache. */
  responseCacheSize?: number;
  /** Where offline answers are kept (a cache shared through Redis, say); an in-process LRU of responseCacheSize when absent. */
  responseCache?: ResponseCache<CachedAnswer<ChatOutcome>>;
}

/**
 * One chat turn, moving forward: resolve the follow-up → (model: condense) → analyse the question once → retrieve →
 * select evidence → decide answerability → compose (offline) or answer with the model and verify → respond.
 */
export class ChatService {
  readonly provider: string;
  private readonly policy: AnswerPolicy;
  /** Null with a model: model answers vary and are never cached. */
  private readonly cache: ResponseCache<CachedAnswer<ChatOutcome>> | null;
  private modelPath: Promise<ModelPath> | null = null;
  /** Created once: under tsx every closure created on the answer path costs a naming call. */
  private readonly termIdf = (token: string): number => this.deps.retriever.termIdf(token);

  constructor(private readonly deps: ChatServiceDeps) {
    this.policy = deps.policy ?? loadAnswerPolicy();
    this.provider = deps.chatModel ? chatModelId(deps.chatModel) : 'offline';
    this.cache = deps.chatModel
      ? null
      : (deps.responseCache ?? new LocalResponseCache(deps.responseCacheSize ?? 0));
  }

  /** The model's prompts and calls, loaded on first use: answering offline never loads LangChain (seconds at start). */
  private model(): Promise<ModelPath> | null {
    const { chatModel, modelTimeoutMs, retriever } = this.deps;
    if (!chatModel) return null;
    this.modelPath ??= import('./model-path.ts').then(({ createModelPath }) =>
      createModelPath(chatModel, modelTimeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS, (token) =>
        retriever.termIdf(token),
      ),
    );
    return this.modelPath;
  }

  /** How often repeated questions were answered from the cache (null with a model: nothing is cached). */
  cacheStats(): ResponseCacheStats | null {
    return this.cache?.stats() ?? null;
  }

  async respond(request: ChatRequest, options: ChatAnswerOptions = {}): Promise<ChatResponse> {
    return (await this.answer(request, options)).response;
  }

  async answer(request: ChatRequest, options: ChatAnswerOptions = {}): Promise<ChatOutcome> {
    const key = responseCacheKey({ ...request, provider: this.provider });
    const cached = await this.cache?.get(key);
    if (cached) {
      streamLines(cached.response.answer, options.onDelta);
      const outcome = { ...cached, timings: { retrievalMs: 0, answerMs: 0 } };
      options.onOutcome?.(outcome);
      return outcome;
    }
    const outcome = await this.answerFresh(request, options);
    if (this.cache && outcome.response.provider === 'offline') {
      const { timings: _notCached, ...answer } = outcome;
      // Not awaited: storing never throws, and the asker need not wait for Redis.
      void this.cache.set(key, answer);
    }
    options.onOutcome?.(outcome);
    return outcome;
  }

  private async answerFresh(request: ChatRequest, options: AnswerOptions): Promise<ChatOutcome> {
    const started = performance.now();
    const { document, retriever } = this.deps;
    const { policy } = this;
    const model = this.model();
    const followUp = resolveQuestion(request, document, policy);
    const condensed =
      model &&
      request.history.length > 0 &&
      followUp.kind === 'standalone' &&
      followUp.previousQuestion
        ? await model
            .then((path) =>
              path.condense(request.message, request.history, policy, {
                signal: options.signal,
                callbacks: options.callbacks,
              }),
            )
            .catch(() => null)
        : null;
    const analysis = analyzeQuestion({ ...request, condensed }, document, policy, followUp);
    const found = await retrieveForQuestion(retriever, analysis, policy, options.signal);
    const { retrieval } = found;
    const evidenceQuery: EvidenceQuery = {
      terms: retrieval.queryTerms,
      idf: this.termIdf,
      // Citizens, and trainers asking for examples (举例), get the most concrete sentences first.
      preferConcrete:
        request.mode === 'citizen' ||
        (request.mode === 'trainer' && policy.rules.examplesQuestion.test(request.message)),
      concreteTerms: policy.concreteTerms,
      weights: policy.evidence,
      // 具体怎么做: what the answers so far quoted is not quoted again.
      exclude: new Set(analysis.followUp.alreadyQuoted ?? []),
      ...(analysis.followUp.kind === 'elaborate'
        ? { elaborateProximity: policy.evidence.elaborateProximity }
        : {}),
    };
    // 还有吗: an article already cited answers again only with what it has not said yet.
    const usable =
      analysis.followUp.kind === 'more'
        ? hitsWithMoreToSay(
            found.usable,
            analysis.followUp.excludeArticles ?? [],
            evidenceQuery,
            document,
            policy.evidence.supportingShare,
          )
        : found.usable;
    const questionWords = informativeWords(retrieval.queryTerms, retriever.subjectLexicon);
    const figureEvidence = gatherFigureEvidence(
      retrieval,
      usable,
      evidenceQuery,
      document,
      policy,
      questionWords,
    );
    const decision = decideAnswerability(
      {
        retrieval,
        usable,
        figureEvidence,
        nothingLeft: analysis.nothingLeft,
        asksForMore: analysis.followUp.kind === 'more',
        outOfPlan: analysis.outOfPlan,
      },
      policy,
    );
    const context: AnswerContext = {
      question: request.message,
      history: request.history,
      mode: request.mode,
      retrieval,
      decision,
      document,
      evidenceQuery,
      policy,
      questionWords,
      goalOrdinal: analysis.followUp.goalOrdinal,
    };
    const retrievalMs = performance.now() - started;
    const answerStarted = performance.now();
    const { draft, provider } = analysis.documentQuestion
      ? this.composeDocument(analysis.documentQuestion, context, options)
      : await this.compose(context, options);
    return {
      response: { ...draft, mode: request.mode, provider },
      retrieval,
      timings: { retrievalMs, answerMs: performance.now() - answerStarted },
      // A model that declines an answerable-looking question is logged as not covered.
      ...(draft.answered
        ? {}
        : { refusal: decision.kind === 'answer' ? 'not-covered' : decision.kind }),
    };
  }

  /** A question about the document itself (第23条属于哪一部分): answered from the parsed structure, model or not. */
  private composeDocument(
    question: DocumentQuestion,
    context: AnswerContext,
    options: AnswerOptions,
  ): { draft: DraftAnswer; provider: string } {
    const draft = composeDocumentAnswer(question, context);
    streamLines(draft.answer, options.onDelta);
    return { draft, provider: 'offline' };
  }

  /** The model answers answerable questions; everything else, and every model failure, gets the offline answer. */
  private async compose(
    context: AnswerContext,
    options: AnswerOptions,
  ): Promise<{ draft: DraftAnswer; provider: string }> {
    const model = this.model();
    if (!model || context.decision.kind !== 'answer') {
      const draft = composeExtractive(context);
      streamLines(draft.answer, options.onDelta);
      return { draft, provider: 'offline' };
    }
    try {
      return {
        draft: await (await model).answerer.answer(context, options),
        provider: this.provider,
      };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      this.deps.onModelFailure?.(
        error instanceof ProviderError
          ? error
          : new ProviderError('model answer failed', true, { cause: error }),
      );
      const draft = composeExtractive(context);
      return {
        draft: { ...draft, notice: this.policy.templates.fill('notices.fallback') },
        provider: 'offline-fallback',
      };
    }
  }
}

/** The offline answer streams line by line, as a model streams tokens, so the page behaves the same either way. */
function streamLines(answer: string, onDelta?: (text: string) => void): void {
  if (onDelta) for (const line of answer.split(/(?<=\n)/)) onDelta(line);
}
