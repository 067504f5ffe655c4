// Runs the conversation: sends questions with history, streams answers into
// views, handles 停止 / 重试 / 复制 / 新对话, and persists after every change.
import { streamChat } from './chat-stream';
import { toApiError } from './api-error';
import { copyText } from './clipboard';
import type { Composer } from './composer';
import { ConversationStore, emptyAnswer, newId } from './conversation-store';
import { errorText } from './error-text';
import { FeedbackController } from './feedback-controller';
import { AssistantView, userView } from './message-view';
import { ScrollFollow } from './scroll-follow';
import { S } from './strings';
import type { AssistantMessage, UserMessage } from './types';

const SAVE_EVERY_MS = 1000; // partial answers survive a reload without writing on every delta

export interface ChatHooks {
  /** Shown/hidden with the conversation (the welcome card). */
  onEmptyChange(empty: boolean): void;
  notify(text: string): void;
  /** Decorates a finished answer's text (glossary marks). */
  decorateAnswer?(body: HTMLElement): void;
}

export class ChatController {
  private readonly views = new Map<string, AssistantView>();
  private controller: AbortController | null = null;
  private lastSave = 0;
  private readonly scroll: ScrollFollow;
  private readonly feedback: FeedbackController;

  constructor(
    readonly store: ConversationStore,
    private readonly list: HTMLElement,
    scroller: HTMLElement,
    private readonly composer: Composer,
    private readonly hooks: ChatHooks,
  ) {
    this.scroll = new ScrollFollow(scroller);
    this.feedback = new FeedbackController(() => this.store.save());
    list.addEventListener('click', (e) => this.onClick(e));
  }

  private readonly decorate = (body: HTMLElement): void => this.hooks.decorateAnswer?.(body);

  get busy(): boolean {
    return this.controller !== null;
  }

  renderAll(): void {
    this.views.clear();
    this.list.replaceChildren(
      ...this.store.messages.map((m) => {
        if (m.role === 'user') return userView(m.content, m.id);
        const view = new AssistantView(m, this.decorate);
        this.views.set(m.id, view);
        return view.element;
      }),
    );
    const empty = this.store.messages.length === 0;
    this.hooks.onEmptyChange(empty);
    // Empty: show the welcome card from its top; otherwise resume at the latest answer.
    if (empty) this.scroll.toTop();
    else this.scroll.toBottom();
  }

  ask(question: string): void {
    if (this.busy) return;
    const user: UserMessage = { id: newId(), role: 'user', content: question };
    this.store.messages.push(user);
    this.list.appendChild(userView(user.content, user.id));
    this.hooks.onEmptyChange(false);
    void this.run(user);
  }

  stop(): void {
    this.controller?.abort();
  }

  newChat(): void {
    // Release the composer now rather than when the aborted fetch settles, so
    // a question typed straight away is not ignored as "busy".
    this.stop();
    this.controller = null;
    this.composer.setBusy(false);
    this.store.clear();
    this.renderAll();
    this.composer.focus();
  }

  /** Streams an answer for `user`, appended after it. */
  private async run(user: UserMessage): Promise<void> {
    const msg = emptyAnswer();
    this.store.messages.push(msg);
    const view = new AssistantView(msg, this.decorate);
    this.views.set(msg.id, view);
    this.list.appendChild(view.element);
    this.scroll.toBottom();
    this.store.save();

    const controller = new AbortController();
    this.controller = controller;
    this.composer.setBusy(true);
    const request = {
      message: user.content,
      history: this.store.historyBefore(user.id),
      mode: this.store.mode,
    };
    try {
      const res = await streamChat(
        request,
        {
          onDelta: (text) => {
            msg.content += text;
            this.scroll.follow(() => view.appendDelta(text));
            this.saveThrottled();
          },
        },
        controller.signal,
      );
      Object.assign(msg, {
        content: res.answer,
        answered: res.answered,
        citations: res.citations,
        related: res.related,
        provider: res.provider,
        notice: res.notice,
        answerId: res.answerId,
        status: 'done',
      } satisfies Partial<AssistantMessage>);
    } catch (err) {
      const e = toApiError(err);
      if (e.kind === 'abort') msg.status = 'stopped';
      else
        Object.assign(msg, {
          status: 'error',
          error: errorText(e),
        } satisfies Partial<AssistantMessage>);
    } finally {
      // newChat() may already have handed the composer to a newer request.
      if (this.controller === controller) {
        this.controller = null;
        this.composer.setBusy(false);
      }
    }
    this.scroll.follow(() => view.update(msg));
    this.store.save();
  }

  private retry(answerId: string): void {
    if (this.busy) return;
    const index = this.store.messages.findIndex((m) => m.id === answerId);
    const user = this.store.messages[index - 1];
    if (index < 1 || user?.role !== 'user') return;
    // Only the last answer can be retried in place; for older ones re-ask at the end
    // so the conversation order stays true to what was sent.
    if (index !== this.store.messages.length - 1) {
      this.ask(user.content);
      return;
    }
    this.store.remove(answerId);
    this.views.get(answerId)?.element.remove();
    this.views.delete(answerId);
    void this.run(user);
  }

  private async copy(answerId: string, trigger: HTMLElement): Promise<void> {
    const msg = this.store.find(answerId);
    if (msg?.role !== 'assistant') return;
    const ok = await copyText(msg.content);
    this.hooks.notify(ok ? S.copied : S.copyFailed);
    if (ok) {
      trigger.textContent = S.copied;
      window.setTimeout(() => (trigger.textContent = S.copy), 2000);
    }
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const action = target?.closest<HTMLElement>('[data-action]');
    const id = target?.closest<HTMLElement>('[data-message-id]')?.dataset.messageId;
    if (!action || !id) return;
    if (action.dataset.action === 'retry') this.retry(id);
    else if (action.dataset.action === 'copy') void this.copy(id, action);
    else this.feedback.handle(this.store.find(id), action, this.views.get(id));
  }

  /** Quotes the answer cited for `article`, for highlighting in the panel. */
  quotesFor(messageId: string | undefined, article: number): string[] {
    const msg = messageId ? this.store.find(messageId) : undefined;
    if (msg?.role !== 'assistant') return [];
    return msg.citations.filter((c) => c.article === article).map((c) => c.quote);
  }

  private saveThrottled(): void {
    const now = Date.now();
    if (now - this.lastSave < SAVE_EVERY_MS) return;
    this.lastSave = now;
    this.store.save();
  }
}
