// DOM for one message. Views only render; clicks are delegated: data-action
// (复制 / 重试) to chat-controller.ts, data-article (chips, links) to main.ts.
import { AnswerRenderer, renderSegments } from './answer-renderer';
import { parseAnswer } from './citation-markers';
import { button, clear, el } from './dom';
import { feedbackView, type FeedbackStatus } from './feedback-view';
import { S, articleLabel } from './strings';
import type { AssistantMessage, Citation, RelatedArticle } from './types';

export const OFFLINE_PROVIDER = 'offline-fallback';

export function userView(content: string, id: string): HTMLElement {
  return el('article', { class: 'msg msg--user', 'data-message-id': id }, [
    el('span', { class: 'sr-only', text: S.youSaid }),
    el('p', { class: 'msg__body', text: content }),
  ]);
}

export class AssistantView {
  readonly element: HTMLElement;
  private readonly body = el('div', { class: 'msg__body answer-text' });
  private readonly extras = el('div', { class: 'msg__extras' });
  private readonly thinking = el('p', { class: 'msg__thinking', text: S.thinking });
  private renderer: AnswerRenderer | null = null;
  private feedback: HTMLElement | null = null;

  constructor(
    msg: AssistantMessage,
    /** Runs on the answer text once it is final (glossary marks); never while streaming. */
    private readonly decorate: (body: HTMLElement) => void = () => {},
  ) {
    this.element = el('article', { class: 'msg msg--assistant', 'data-message-id': msg.id }, [
      el('span', { class: 'sr-only', text: S.assistantSaid }),
      this.body,
      this.extras,
    ]);
    if (msg.status === 'streaming') {
      this.renderer = new AnswerRenderer(this.body);
      this.body.before(this.thinking);
    } else {
      renderSegments(parseAnswer(msg.content), this.body);
    }
    this.update(msg);
  }

  appendDelta(text: string): void {
    this.thinking.remove();
    this.body.hidden = false;
    this.renderer?.append(text);
  }

  /** Re-renders status-dependent parts: notices, related links, sources, actions. */
  update(msg: AssistantMessage): void {
    const streaming = msg.status === 'streaming';
    if (!streaming) {
      this.thinking.remove();
      this.renderer?.finish(msg.content);
      this.renderer = null;
    }
    const refused = msg.status !== 'error' && !msg.answered;
    this.element.className = [
      'msg msg--assistant',
      `msg--${msg.status}`,
      refused ? 'msg--refusal' : '',
    ]
      .join(' ')
      .trim();
    this.element.dataset.status = msg.status;
    this.element.setAttribute('aria-busy', String(streaming)); // hold screen-reader announcements until done
    this.body.hidden = msg.content === '';

    clear(this.extras);
    if (streaming) return;
    if (msg.content) this.decorate(this.body);
    if (refused) this.body.before(this.refusalBadge());
    if (msg.provider === OFFLINE_PROVIDER)
      this.extras.append(notice('notice-offline', S.offlineNotice));
    else if (msg.notice) this.extras.append(notice('notice-model', msg.notice));
    if (msg.status === 'stopped') {
      this.extras.append(notice('notice-stopped', msg.content ? S.stopped : S.stoppedEmpty));
    }
    if (msg.status === 'error') this.extras.append(errorBox(msg.error ?? S.errUnknown));
    if (msg.related.length > 0 && refused) this.extras.append(relatedList(msg.related));
    if (msg.citations.length > 0) this.extras.append(sourcesList(msg.citations));
    if (msg.content)
      this.extras.append(
        el('div', { class: 'msg__actions' }, [
          button(S.copy, 'btn-text', { 'data-action': 'copy' }),
        ]),
      );
    this.feedback = null;
    if (msg.status === 'done' && msg.answerId) this.showFeedback(msg);
  }

  /** Renders 有帮助 / 没帮助 again (after a vote, or while one is being sent). */
  showFeedback(msg: AssistantMessage, status?: FeedbackStatus, error?: string): void {
    const next = feedbackView(msg, status, error);
    if (this.feedback) this.feedback.replaceWith(next);
    else this.extras.append(next);
    this.feedback = next;
  }

  /** The comment typed after 没帮助, trimmed ('' when none). */
  feedbackComment(): string {
    return this.feedback?.querySelector('textarea')?.value.trim() ?? '';
  }

  focusFeedbackComment(): void {
    this.feedback?.querySelector('textarea')?.focus();
  }

  private refusalBadge(): HTMLElement {
    this.element.querySelector('.refusal-badge')?.remove();
    return el('p', { class: 'refusal-badge', text: S.refusalTitle });
  }
}

function notice(className: string, text: string): HTMLElement {
  return el('p', { class: `msg__notice ${className}`, text });
}

function errorBox(text: string): HTMLElement {
  return el('div', { class: 'msg__error' }, [
    el('p', { text }),
    button(S.retry, 'btn btn--small', { 'data-action': 'retry' }),
  ]);
}

// Links (not buttons) so that the only buttons named 第N条 are the answer's chips.
export function articleLink(article: number, title: string): HTMLAnchorElement {
  return el('a', { href: `#article-${article}`, class: 'article-link', 'data-article': article }, [
    el('span', { class: 'article-link__no', text: articleLabel(article) }),
    ' ',
    title,
  ]);
}

function relatedList(related: RelatedArticle[]): HTMLElement {
  return el('div', { class: 'related' }, [
    el('p', { class: 'related__heading', text: S.relatedHeading }),
    el(
      'ul',
      { class: 'related__list' },
      related.map((r) => el('li', {}, [articleLink(r.article, r.title)])),
    ),
  ]);
}

// Collapsed by default: a closed <details> keeps the links out of the way (and
// out of the accessibility tree) until the reader asks for them.
function sourcesList(citations: Citation[]): HTMLElement {
  return el('details', { class: 'sources' }, [
    el('summary', { text: S.sourcesHeading(citations.length) }),
    el(
      'ol',
      { class: 'sources__list' },
      citations.map((c) =>
        el('li', {}, [
          articleLink(c.article, c.title),
          el('blockquote', { class: 'sources__quote', text: c.quote }),
        ]),
      ),
    ),
  ]);
}
