// The ten parts and their articles, with a filter box that narrows titles on
// the client and asks /api/search for full-text hits (search-results.ts).
import { fetchOutline } from './api';
import { button, el } from './dom';
import { articleLink } from './message-view';
import { type OutlineData, partName, stripPartPrefix } from './outline-data';
import { SearchResults } from './search-results';
import { S } from './strings';

export class OutlineNav {
  readonly element: HTMLElement;
  readonly filter = el('input', {
    type: 'search',
    class: 'outline__filter',
    'aria-label': S.filterLabel,
    placeholder: S.filterPlaceholder,
    autocomplete: 'off',
    enterkeyhint: 'search',
  });
  private readonly list = el('ol', { class: 'outline__parts' });
  private readonly status = el('p', {
    class: 'outline__status',
    role: 'status',
    text: S.outlineLoading,
  });
  private readonly search = new SearchResults();

  constructor(
    private readonly data: OutlineData,
    closeButton: HTMLButtonElement,
  ) {
    this.element = el('nav', { class: 'outline', id: 'outline', 'aria-label': S.outlineLabel }, [
      el('div', { class: 'outline__head' }, [
        el('h2', { class: 'outline__heading', text: S.outlineToggle }),
        closeButton,
      ]),
      this.filter,
      this.search.element,
      this.status,
      this.list,
    ]);
    this.filter.addEventListener('input', () => this.applyFilter());
  }

  async load(): Promise<void> {
    this.status.hidden = false;
    this.status.replaceChildren(S.outlineLoading);
    try {
      this.data.set(await fetchOutline());
      this.render();
      this.status.hidden = true;
      this.applyFilter();
    } catch {
      const retry = button(S.retry, 'btn btn--small');
      retry.addEventListener('click', () => void this.load());
      this.status.replaceChildren(S.outlineFailed, ' ', retry);
    }
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.data.allParts.map((part) => {
        const heading = `${partName(part.part)} ${stripPartPrefix(part.title)}`;
        return el('li', { class: 'outline__part', 'data-search': heading }, [
          el('h3', { class: 'outline__part-title', text: heading }),
          el(
            'ol',
            { class: 'outline__articles' },
            part.articles.map((a) =>
              el('li', { 'data-search': `第${a.article}条 ${a.title}` }, [
                articleLink(a.article, a.title),
              ]),
            ),
          ),
        ]);
      }),
    );
  }

  private applyFilter(): void {
    const q = this.filter.value.trim();
    const needle = q.toLowerCase();
    let shown = 0;
    for (const part of Array.from(this.list.children) as HTMLElement[]) {
      const partHit = needle !== '' && (part.dataset.search ?? '').toLowerCase().includes(needle);
      let partShown = 0;
      for (const item of Array.from(
        part.querySelectorAll<HTMLElement>('.outline__articles > li'),
      )) {
        const hit =
          needle === '' || partHit || (item.dataset.search ?? '').toLowerCase().includes(needle);
        item.hidden = !hit;
        if (hit) partShown++;
      }
      part.hidden = partShown === 0;
      shown += partShown;
    }
    if (this.data.allParts.length > 0) {
      this.status.hidden = shown > 0;
      if (shown === 0) this.status.replaceChildren(S.noTitleMatch);
    }
    this.search.query(q);
  }
}
