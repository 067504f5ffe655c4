import type { ChatPromptTemplate } from '@langchain/core/prompts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { ProviderError } from '../errors.ts';
import { answerPrompt, historyMessages } from '../llm/chat-prompts.ts';
import type { LanguageModel } from '../llm/language-model.ts';
import { renderPrompt } from '../llm/render-prompt.ts';
import type { AnswerContext, AnswerOptions, DraftAnswer } from './answer-types.ts';
import { verifyCitations } from './verify-citations.ts';

/**
 * Answers with a language model that sees only the retrieved articles, then checks its citations against the
 * document (see verifyCitations). Provider failures propagate as ProviderError for the caller's fallback.
 */
export class ModelAnswerer {
  private readonly prompt: ChatPromptTemplate = answerPrompt();

  constructor(
    private readonly model: LanguageModel,
    private readonly idf: (token: string) => number,
  ) {}

  async answer(context: AnswerContext, options: AnswerOptions = {}): Promise<DraftAnswer> {
    if (context.decision.kind !== 'answer')
      throw new Error('the model answers only answerable questions');
    const { templates } = context.policy;
    const articles = context.decision.hits.flatMap((hit) =>
      hit.article === null ? [] : [articleByNumber(context.document, hit.article)!],
    );
    const articlesText = articles
      .map(
        (article) => `${templates.marker.format(article.number)}${article.title}\n${article.text}`,
      )
      .join('\n\n');
    let text = '';
    for await (const piece of this.model.streamText(
      this.prompt,
      promptValues(context, articlesText),
      options,
    )) {
      text += piece;
      options.onDelta?.(piece);
    }
    // A stream that carried no text is a failed call, not an answer: the caller falls back to the offline answer.
    if (text.trim() === '')
      throw new ProviderError(`model ${this.model.id} returned no text`, true);
    const retrieved = articles.map((article) => article.number);
    const verified = verifyCitations(text, context.document, retrieved, {
      marker: templates.marker,
      idf: this.idf,
      weights: context.policy.evidence,
    });
    const notices: string[] = [];
    if (verified.removedMarkers.length > 0) notices.push(templates.fill('notices.removedMarkers'));
    if (verified.citations.length === 0) notices.push(templates.fill('notices.uncited'));
    const cited = new Set(verified.citations.map((citation) => citation.article));
    const answer = verified.answer.trim();
    return {
      answer,
      // The system prompt asks a model that finds no answer in the articles to open with the refusal phrase; such a
      // reply is a refusal (answered: false), whatever it then points to.
      answered: !answer.startsWith(templates.fill('refusal.modelDeclines')),
      citations: verified.citations,
      related: articles
        .filter((article) => !cited.has(article.number))
        .map((article) => ({ article: article.number, title: article.title })),
      ...(notices.length > 0 ? { notice: notices.join(' ') } : {}),
    };
  }
}

/** The answer prompt's variables (see answerPrompt): the retrieved articles, the audience, the recent conversation. */
function promptValues(context: AnswerContext, articlesText: string): Record<string, unknown> {
  const { historyTurns, historyChars } = context.policy.model;
  return {
    document_title: context.document.title,
    audience_instructions: renderPrompt(`audience-${context.mode}`, {}),
    articles: articlesText,
    history: historyMessages(
      context.history
        .slice(-historyTurns)
        .map((turn) => ({ role: turn.role, content: turn.content.slice(0, historyChars) })),
    ),
    question: context.question,
  };
}
