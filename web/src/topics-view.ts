// 市民 view: everyday topics (就业, 看病, 上学 …) as large buttons, each opening
// a page of the document's own sentences on that topic, grouped by article.
// When /api/topics is missing or fails, the view reports itself unavailable
// and the page carries on with the chat alone.
import { fetchTopic, fetchTopics } from './api';
import { citeChip } from './answer-renderer';
import { button, el } from './dom';
import { partName, stripPartPrefix } from './outline-data';
import { S, articleLabel } from './strings';
import type { Topic, TopicArticle, TopicSummary } from './types';

export interface TopicsHooks {
  /** Puts a question in the chat box (switching to 对话), without sending it. */
  draftQuestion(question: string): void;
  /** Brings this view to the front (used by the welcome card's buttons). */
  show(): void;
}

export class TopicsView {
  readonly element: HTMLElement;
  /** Heading plus topic buttons for the welcome card; hidden until topics load. */
  readonly welcomeBlock: HTMLElement;
  private readonly landing: HTMLElement;
  private readonly page = el('article', { class: 'topic-page', hidden: true });
  private readonly grid = el('ul', { class: 'topic-grid' });
  private readonly welcomeGrid = el('ul', { class: 'topic-grid topic-grid--welcome' });
  private topics: TopicSummary[] = [];
  private controller: AbortController | null = null;

  constructor(private readonly hooks: TopicsHooks) {
    this.landing = el('section', { class: 'topics-landing', 'aria-labelledby': 'topics-heading' }, [
      el('h2', { class: 'view-heading', id: 'topics-heading', text: S.topicsHeading }),
      el('p', { class: 'view-intro', text: S.topicsIntro }),
      this.grid,
    ]);
    this.element = el('div', { class: 'view-panel topics-view', hidden: true }, [
      el('div', { class: 'view-panel__inner' }, [this.landing, this.page]),
    ]);
    this.welcomeBlock = el('div', { class: 'welcome__topics', hidden: true }, [
      el('p', { class: 'welcome__starters-heading', text: S.topicsHeading }),
      this.welcomeGrid,
    ]);
  }

  get available(): boolean {
    return this.topics.length > 0;
  }

  /** Loads the topic list once; resolves false (and stays hidden) on any failure. */
  async load(): Promise<boolean> {
    try {
      this.topics = (await fetchTopics()).filter(
        (t) => typeof t?.id === 'string' && typeof t.name === 'string',
      );
    } catch {
      this.topics = [];
    }
    this.grid.replaceChildren(...this.topics.map((t) => topicButton(t, () => this.open(t.id))));
    this.welcomeGrid.replaceChildren(
      ...this.topics.map((t) =>
        topicButton(t, () => {
          this.hooks.show();
          this.open(t.id);
        }),
      ),
    );
    this.welcomeBlock.hidden = !this.available;
    return this.available;
  }

  /** Back to the list of topics (also what the tab shows first). */
  showLanding(): void {
    this.controller?.abort();
    this.page.hidden = true;
    this.landing.hidden = false;
  }

  open(id: string): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const summary = this.topics.find((t) => t.id === id);
    this.landing.hidden = true;
    this.page.hidden = false;
    this.page.replaceChildren(
      this.backButton(),
      el('h2', { class: 'topic-page__name', text: summary?.name ?? '' }),
      el('p', { class: 'view-intro', role: 'status', text: S.topicLoading }),
    );
    this.element.scrollTop = 0;
    fetchTopic(id, controller.signal).then(
      (topic) => !controller.signal.aborted && this.render(topic),
      () => !controller.signal.aborted && this.fail(id),
    );
  }

  private render(topic: Topic): void {
    const name = el('h2', { class: 'topic-page__name', tabindex: -1, text: topic.name });
    const ask = button(S.topicAsk, 'btn btn--primary topic-page__ask', { title: S.topicAskHint });
    ask.addEventListener('click', () => this.hooks.draftQuestion(S.topicQuestion(topic.name)));
    const articles = Array.isArray(topic.articles) ? topic.articles : [];
    this.page.replaceChildren(
      this.backButton(),
      el('header', { class: 'topic-page__head' }, [
        el('div', { class: 'topic-page__titles' }, [
          name,
          el('p', { class: 'topic-page__heading', text: topic.heading }),
        ]),
        ask,
      ]),
      ...articles.map((a) => articleSection(a)),
    );
    name.focus({ preventScroll: true });
  }

  private fail(id: string): void {
    const retry = button(S.retry, 'btn btn--small');
    retry.addEventListener('click', () => this.open(id));
    this.page.replaceChildren(
      this.backButton(),
      el('div', { class: 'view-error' }, [el('p', { text: S.topicFailed }), retry]),
    );
  }

  private backButton(): HTMLButtonElement {
    const back = button(S.topicBack, 'btn btn--ghost topic-page__back');
    back.addEventListener('click', () => {
      this.showLanding();
      this.grid.querySelector<HTMLElement>('button')?.focus();
    });
    return back;
  }
}

function topicButton(topic: TopicSummary, onPick: () => void): HTMLElement {
  const b = el('button', { type: 'button', class: 'topic-button', 'data-topic': topic.id }, [
    el('span', { class: 'topic-button__name', text: topic.name }),
    el('span', { class: 'topic-button__heading', text: topic.heading }),
    el('span', { class: 'topic-button__count', text: S.topicArticleCount(topic.articleCount) }),
  ]);
  b.addEventListener('click', onPick);
  return el('li', {}, [b]);
}

function articleSection(a: TopicArticle): HTMLElement {
  const headingId = `topic-article-${a.article}`;
  const sentences = Array.isArray(a.sentences) ? a.sentences : [];
  return el('section', { class: 'topic-article', 'aria-labelledby': headingId }, [
    el('h3', { class: 'topic-article__title', id: headingId }, [
      el('span', { class: 'topic-article__no', text: articleLabel(a.article) }),
      ' ',
      a.title,
    ]),
    el('p', {
      class: 'topic-article__part',
      text: `${partName(a.part)} ${stripPartPrefix(a.partTitle)}`,
    }),
    el(
      'ul',
      { class: 'topic-article__sentences', 'aria-label': S.topicSentencesLabel },
      sentences.map((s) =>
        el('li', { class: 'topic-sentence' }, [s.quote, ' ', citeChip(a.article, s.quote)]),
      ),
    ),
  ]);
}
