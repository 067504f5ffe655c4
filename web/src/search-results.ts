// Full-text hits from /api/search for the outline's filter box. Debounced and
// abortable so typing quickly sends one request, and stale replies are dropped.
import { searchDocument } from './api';
import { el } from './dom';
import { articleLink } from './message-view';
import { S } from './strings';
import type { SearchHit } from './types';

const DEBOUNCE_MS = 300;

export class SearchResults {
  readonly element: HTMLElement;
  private readonly status = el('p', { class: 'search-results__status' });
  private readonly list = el('ol', { class: 'search-results__list' });
  private timer = 0;
  private controller: AbortController | null = null;

  constructor() {
    this.element = el(
      'section',
      { class: 'search-results', hidden: true, 'aria-label': S.searchHeading },
      [
        el('h3', { class: 'search-results__heading', text: S.searchHeading }),
        this.status,
        this.list,
      ],
    );
  }

  query(q: string): void {
    window.clearTimeout(this.timer);
    this.controller?.abort();
    this.controller = null;
    if (!q) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.status.textContent = S.searching;
    this.status.hidden = false;
    this.list.replaceChildren();
    this.timer = window.setTimeout(() => void this.run(q), DEBOUNCE_MS);
  }

  private async run(q: string): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    try {
      const res = await searchDocument(q, controller.signal);
      if (controller.signal.aborted) return;
      const hits = Array.isArray(res.results) ? res.results : [];
      this.list.replaceChildren(...hits.map((h) => hitItem(h, q)));
      this.status.hidden = hits.length > 0;
      this.status.textContent = S.searchEmpty;
    } catch {
      if (controller.signal.aborted) return;
      this.status.textContent = S.searchFailed;
    }
  }
}

function hitItem(hit: SearchHit, q: string): HTMLElement {
  const head =
    hit.article === null
      ? el('span', { class: 'search-hit__title', text: hit.title || S.preamble })
      : articleLink(hit.article, hit.title);
  return el('li', { class: 'search-hit' }, [
    head,
    el('p', { class: 'search-hit__snippet' }, highlight(String(hit.snippet ?? ''), q)),
  ]);
}

/** Snippet as text nodes with each occurrence of the query in <mark>. */
function highlight(snippet: string, q: string): Node[] {
  const out: Node[] = [];
  const needle = q.toLowerCase();
  const hay = snippet.toLowerCase();
  let pos = 0;
  for (let at = hay.indexOf(needle); needle && at !== -1; at = hay.indexOf(needle, pos)) {
    if (at > pos) out.push(document.createTextNode(snippet.slice(pos, at)));
    out.push(el('mark', { text: snippet.slice(at, at + q.length) }));
    pos = at + q.length;
  }
  if (pos < snippet.length) out.push(document.createTextNode(snippet.slice(pos)));
  return out;
}
