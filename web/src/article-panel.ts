// Side panel (full-screen sheet on phones) showing one whole article, its part
// as a breadcrumb, and the cited sentences highlighted and scrolled into view.
import { fetchArticle } from './api';
import { toApiError } from './api-error';
import { renderArticleText } from './article-text';
import { button, clear, el, prefersReducedMotion } from './dom';
import { type OutlineData, partName, stripPartPrefix } from './outline-data';
import { locateQuotes } from './quote-locate';
import { S, articleLabel } from './strings';
import type { Article } from './types';

export interface OpenRequest {
  article: number;
  quotes: readonly string[];
  /** Element that gets focus back when the panel closes (the chip or link). */
  opener: HTMLElement | null;
}

export class ArticlePanel {
  readonly element: HTMLElement;
  private readonly crumb = el('p', { class: 'panel__crumb' });
  private readonly title = el('h2', {
    class: 'panel__title',
    id: 'article-panel-title',
    tabindex: -1,
  });
  private readonly body = el('div', { class: 'panel__body' });
  private readonly prev = button(S.panelPrev, 'btn btn--ghost panel__prev');
  private readonly next = button(S.panelNext, 'btn btn--ghost panel__next');
  private opener: HTMLElement | null = null;
  private current = 0;
  private token = 0; // ignores responses for an article the user already left

  constructor(
    private readonly outline: OutlineData,
    /** Runs on each rendered article text (glossary marks). */
    private readonly decorate: (text: HTMLElement) => void = () => {},
  ) {
    const close = button('×', 'panel__close', { 'aria-label': S.panelClose });
    close.addEventListener('click', () => this.close());
    this.prev.addEventListener('click', () => this.step(-1));
    this.next.addEventListener('click', () => this.step(1));
    this.element = el(
      'section',
      { class: 'panel', id: 'article-panel', role: 'dialog', hidden: true },
      [
        el('header', { class: 'panel__header' }, [
          el('div', { class: 'panel__heading' }, [this.crumb, this.title]),
          close,
        ]),
        this.body,
        el('footer', { class: 'panel__nav' }, [this.prev, this.next]),
      ],
    );
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(req: OpenRequest): void {
    if (req.opener) this.opener = req.opener;
    this.show(req.article, req.quotes);
    this.element.hidden = false;
    document.body.classList.add('panel-open');
    this.title.focus({ preventScroll: true });
  }

  close(): void {
    if (!this.isOpen) return;
    this.token++;
    this.element.hidden = true;
    document.body.classList.remove('panel-open');
    const target = this.opener?.isConnected
      ? this.opener
      : document.querySelector<HTMLElement>('textarea');
    target?.focus();
    this.opener = null;
  }

  private step(dir: -1 | 1): void {
    const n = this.outline.neighbour(this.current, dir);
    if (n !== undefined) this.show(n, []);
  }

  private show(article: number, quotes: readonly string[]): void {
    const token = ++this.token;
    this.current = article;
    // Heading from the outline straight away, so the dialog is named while the text loads.
    const part = this.outline.partOf(article);
    this.setHeading(
      this.outline.titleOf(article) ?? S.articleFallbackTitle(article),
      part?.title ?? '',
      part?.part ?? 0,
      article,
    );
    this.body.replaceChildren(el('p', { class: 'panel__status', text: S.panelLoading }));
    this.prev.disabled = this.outline.neighbour(article, -1) === undefined;
    this.next.disabled = this.outline.neighbour(article, 1) === undefined;
    fetchArticle(article).then(
      (a) => token === this.token && this.render(a, quotes),
      (err: unknown) => token === this.token && this.fail(article, quotes, err),
    );
  }

  private setHeading(title: string, partTitle: string, part: number, article: number): void {
    // The dialog's accessible name is exactly the article title (tests rely on it).
    this.element.setAttribute('aria-label', title);
    this.title.textContent = title;
    clear(this.crumb);
    if (part > 0) {
      const partText = `${partName(part)} ${stripPartPrefix(partTitle)}`;
      this.crumb.append(
        el('span', { class: 'panel__crumb-part', title: partText, text: partText }),
      );
      this.crumb.append(
        el('span', { class: 'panel__crumb-sep', 'aria-hidden': 'true', text: ' › ' }),
      );
    }
    this.crumb.append(el('span', { class: 'panel__crumb-article', text: articleLabel(article) }));
  }

  private render(a: Article, quotes: readonly string[]): void {
    this.setHeading(a.title, a.partTitle, a.part, a.article);
    const text = renderArticleText(a.text, locateQuotes(a.text, quotes));
    this.body.replaceChildren(text);
    this.decorate(text);
    this.body.scrollTop = 0;
    const mark = text.querySelector('mark');
    if (mark) {
      // Wait a frame so layout (and the sheet's slide-in) is settled before scrolling.
      requestAnimationFrame(() =>
        mark.scrollIntoView({
          block: 'center',
          behavior: prefersReducedMotion() ? 'auto' : 'smooth',
        }),
      );
    }
  }

  private fail(article: number, quotes: readonly string[], err: unknown): void {
    const notFound = toApiError(err).status === 404;
    const retry = button(S.retry, 'btn btn--small');
    retry.addEventListener('click', () => this.show(article, quotes));
    this.body.replaceChildren(
      el('div', { class: 'panel__error' }, [
        el('p', { text: notFound ? S.panelNotFound : S.panelFailed }),
        notFound ? null : retry,
      ]),
    );
  }
}
