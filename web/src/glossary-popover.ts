// The small card a glossary term opens: the term, the document's own
// definition sentence (only when the glossary has one) and the articles that
// use it. Hover or tabbing to a term previews it; click, tap or Enter opens it
// and moves focus inside so its links are reachable; Esc or a click elsewhere
// closes it.
import { citeChip } from './answer-renderer';
import { button, el } from './dom';
import type { Glossary } from './glossary-marks';
import { S } from './strings';
import type { GlossaryTerm } from './types';

const HIDE_DELAY_MS = 250;
const GAP_PX = 6;
const EDGE_PX = 8;

export class GlossaryPopover {
  readonly element: HTMLElement;
  private readonly body = el('div', { class: 'glossary-popover__body' });
  private anchorTerm: HTMLElement | null = null;
  private hideTimer = 0;
  /** Focus only previews the card when the reader tabbed there, not when focus is handed back. */
  private tabbing = false;

  constructor(private readonly glossary: () => Glossary | null) {
    const close = button('×', 'glossary-popover__close', { 'aria-label': S.glossaryClose });
    close.addEventListener('click', () => this.close(true));
    this.element = el(
      'div',
      {
        class: 'glossary-popover',
        id: 'glossary-popover',
        role: 'dialog',
        'aria-labelledby': 'glossary-popover-term',
        tabindex: -1,
        hidden: true,
      },
      [close, this.body],
    );

    // Opens on mousemove, not mouseover: a panel opening or scrolling under a resting
    // pointer fires mouseover too, and a card should not pop up unasked.
    document.addEventListener('mousemove', (e) => {
      const term = this.termOf(e);
      if (term && (!this.isOpen || term !== this.anchorTerm)) this.open(term, false);
    });
    document.addEventListener('mouseover', (e) => this.onMouseOver(e));
    document.addEventListener('focusin', (e) => this.onFocusIn(e));
    document.addEventListener('click', (e) => this.onClick(e));
    document.addEventListener('keydown', (e) => (this.tabbing = e.key === 'Tab'), true);
    // Terms are role="button" elements, so Enter and Space must act like a click.
    document.addEventListener('keydown', (e) => {
      const term = this.termOf(e);
      if (!term || (e.key !== 'Enter' && e.key !== ' ') || e.isComposing) return;
      e.preventDefault();
      this.open(term, true);
    });
    document.addEventListener('pointerdown', (e) => {
      this.tabbing = false;
      const target = e.target instanceof Node ? e.target : null;
      if (
        this.isOpen &&
        target &&
        !this.element.contains(target) &&
        !this.anchorTerm?.contains(target)
      )
        this.close(false);
    });
    // Positions are computed once; anything scrolling underneath would leave the card behind.
    document.addEventListener(
      'scroll',
      (e) => {
        if (this.isOpen && !(e.target instanceof Node && this.element.contains(e.target)))
          this.close(false);
      },
      true,
    );
    window.addEventListener('resize', () => this.close(false));
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The term the card belongs to; links inside hand focus back to it. */
  get anchor(): HTMLElement | null {
    return this.anchorTerm;
  }

  contains(node: Node): boolean {
    return this.element.contains(node);
  }

  /** With `returnFocus`, focus inside the card goes back to its term (focus elsewhere stays put). */
  close(returnFocus: boolean): void {
    window.clearTimeout(this.hideTimer);
    if (!this.isOpen) return;
    const anchor = this.anchorTerm;
    returnFocus &&= this.element.contains(document.activeElement);
    this.element.hidden = true;
    anchor?.setAttribute('aria-expanded', 'false');
    this.anchorTerm = null;
    if (returnFocus && anchor?.isConnected) anchor.focus();
  }

  private open(anchor: HTMLElement, moveFocus: boolean): void {
    window.clearTimeout(this.hideTimer);
    const entry = this.glossary()?.lookup(anchor.dataset.term ?? '');
    if (!entry) return;
    if (this.anchorTerm !== anchor) {
      this.anchorTerm?.setAttribute('aria-expanded', 'false');
      this.anchorTerm = anchor;
      this.body.replaceChildren(...content(entry));
    }
    anchor.setAttribute('aria-expanded', 'true');
    this.element.hidden = false;
    this.place(anchor);
    if (moveFocus) this.element.focus({ preventScroll: true });
  }

  private place(anchor: HTMLElement): void {
    const a = anchor.getBoundingClientRect();
    const card = this.element;
    card.style.left = '0px';
    card.style.top = '0px';
    const { width, height } = card.getBoundingClientRect();
    const left = Math.min(Math.max(EDGE_PX, a.left), window.innerWidth - width - EDGE_PX);
    const below = a.bottom + GAP_PX;
    const top =
      below + height <= window.innerHeight - EDGE_PX || a.top - GAP_PX - height < EDGE_PX
        ? below
        : a.top - GAP_PX - height;
    card.style.left = `${Math.max(EDGE_PX, left)}px`;
    card.style.top = `${Math.max(EDGE_PX, top)}px`;
  }

  private termOf(e: Event): HTMLElement | null {
    return e.target instanceof Element ? e.target.closest<HTMLElement>('.glossary-term') : null;
  }

  private onMouseOver(e: MouseEvent): void {
    if (!this.isOpen) return;
    const target = e.target instanceof Node ? e.target : null;
    if (target && (this.element.contains(target) || this.anchorTerm?.contains(target))) {
      window.clearTimeout(this.hideTimer);
      return;
    }
    // Left both the term and the card: close unless focus is keeping it open.
    if (this.element.contains(document.activeElement) || document.activeElement === this.anchorTerm)
      return;
    window.clearTimeout(this.hideTimer);
    this.hideTimer = window.setTimeout(() => this.close(false), HIDE_DELAY_MS);
  }

  private onFocusIn(e: FocusEvent): void {
    const term = this.termOf(e);
    if (term) {
      if (this.tabbing) this.open(term, false);
      else if (term !== this.anchorTerm) this.close(false);
      return;
    }
    const target = e.target instanceof Node ? e.target : null;
    if (this.isOpen && target && !this.element.contains(target)) this.close(false);
  }

  private onClick(e: MouseEvent): void {
    const term = this.termOf(e);
    if (term) this.open(term, true);
  }
}

function content(entry: GlossaryTerm): HTMLElement[] {
  const parts: HTMLElement[] = [
    el('p', { class: 'glossary-popover__term', id: 'glossary-popover-term', text: entry.term }),
  ];
  const def = entry.definition;
  if (def && typeof def.quote === 'string' && def.quote) {
    parts.push(
      el('p', { class: 'glossary-popover__label', text: S.glossaryDefinition }),
      el('blockquote', { class: 'glossary-popover__quote' }, [
        def.quote,
        ' ',
        citeChip(def.article, def.quote),
      ]),
    );
  }
  const articles = Array.isArray(entry.articles) ? entry.articles : [];
  if (articles.length > 0) {
    const occurrences = Array.isArray(entry.occurrences) ? entry.occurrences : [];
    const quoteIn = (n: number): string | undefined =>
      occurrences.find((o) => o.article === n)?.quote;
    parts.push(
      el('p', { class: 'glossary-popover__label', text: S.glossaryUsedIn(articles.length) }),
      el(
        'p',
        { class: 'glossary-popover__articles' },
        articles.map((n) => citeChip(n, quoteIn(n) ?? entry.term)),
      ),
    );
  }
  return parts;
}
