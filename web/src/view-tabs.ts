// 对话 plus one purpose-built view per audience (市民 → 生活话题, 培训 → 学习材料),
// as an ARIA tab list. 工作人员 has no extra view, so the tab row hides.
import { button, el } from './dom';
import { S } from './strings';

export type ViewId = 'chat' | 'topics' | 'study';

const LABELS: Record<ViewId, string> = {
  chat: S.viewChat,
  topics: S.viewTopics,
  study: S.viewStudy,
};
const ORDER: readonly ViewId[] = ['chat', 'topics', 'study'];

export class ViewTabs {
  readonly element: HTMLElement;
  private readonly tabs = new Map<ViewId, HTMLButtonElement>();
  private readonly panels = new Map<ViewId, HTMLElement>();
  private extra: ViewId | null = null;
  private selected: ViewId = 'chat';

  constructor() {
    this.element = el('div', {
      class: 'view-tabs',
      role: 'tablist',
      'aria-label': S.viewTabsLabel,
      hidden: true,
    });
    for (const view of ORDER) {
      const tab = button(LABELS[view], 'view-tabs__tab', {
        role: 'tab',
        id: `view-tab-${view}`,
        'aria-controls': `view-${view}`,
      });
      tab.addEventListener('click', () => this.select(view));
      tab.addEventListener('keydown', (e) => this.onKey(e));
      this.tabs.set(view, tab);
      this.element.append(tab);
    }
  }

  /** Registers the element shown for `view`; it becomes that tab's tabpanel. */
  attach(view: ViewId, panel: HTMLElement): void {
    panel.id = `view-${view}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `view-tab-${view}`);
    this.panels.set(view, panel);
    this.render();
  }

  get current(): ViewId {
    return this.selected;
  }

  /** The one extra view next to 对话 for the current audience, or none. */
  setExtra(view: Exclude<ViewId, 'chat'> | null): void {
    this.extra = view;
    if (this.selected !== 'chat' && this.selected !== view) this.selected = 'chat';
    this.render();
  }

  select(view: ViewId, focusTab = false): void {
    if (view !== 'chat' && view !== this.extra) return;
    this.selected = view;
    this.render();
    if (focusTab) this.tabs.get(view)?.focus();
  }

  private visible(): ViewId[] {
    return ORDER.filter((v) => v === 'chat' || v === this.extra);
  }

  private render(): void {
    this.element.hidden = this.extra === null;
    for (const view of ORDER) {
      const on = view === this.selected;
      const tab = this.tabs.get(view);
      if (tab) {
        tab.hidden = !this.visible().includes(view);
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
      }
      const panel = this.panels.get(view);
      if (panel) panel.hidden = !on;
    }
  }

  // Arrow keys move between tabs (and show them), as the ARIA tabs pattern expects.
  private onKey(e: KeyboardEvent): void {
    const views = this.visible();
    const at = views.indexOf(this.selected);
    let next: ViewId | undefined;
    if (e.key === 'ArrowRight') next = views[(at + 1) % views.length];
    else if (e.key === 'ArrowLeft') next = views[(at - 1 + views.length) % views.length];
    else if (e.key === 'Home') next = views[0];
    else if (e.key === 'End') next = views[views.length - 1];
    if (!next) return;
    e.preventDefault();
    this.select(next, true);
  }
}
