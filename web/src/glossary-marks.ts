// Finds glossary terms in rendered text and wraps each term's first occurrence
// in a focusable <dfn class="glossary-term" role="button">, splitting text
// nodes with DOM calls only (nothing is parsed as HTML). Longest term wins at
// any position, marks never overlap, and chips, links and buttons are left
// untouched. A <dfn> rather than a <button>: buttons are atomic inline boxes,
// which would let a line break between “ and the quoted term.
import { el } from './dom';
import type { GlossaryTerm } from './types';

const MIN_TERM_LENGTH = 2;
// Text inside these stays as it is: citation chips, links, buttons, existing marks.
const SKIP = 'button, a, .cite-group, .glossary-term, script, style, textarea, input';

export class Glossary {
  private readonly byTerm = new Map<string, GlossaryTerm>();
  private readonly pattern: RegExp | null;

  constructor(terms: readonly GlossaryTerm[]) {
    for (const t of terms) {
      if (typeof t?.term === 'string' && t.term.trim().length >= MIN_TERM_LENGTH)
        this.byTerm.set(t.term.trim(), t);
    }
    // Alternation tries left to right, so longest-first makes the longest term win at each position.
    const sorted = [...this.byTerm.keys()].sort(
      (a, b) => b.length - a.length || a.localeCompare(b),
    );
    this.pattern = sorted.length > 0 ? new RegExp(sorted.map(escapeRegExp).join('|'), 'g') : null;
  }

  get size(): number {
    return this.byTerm.size;
  }

  lookup(term: string): GlossaryTerm | undefined {
    return this.byTerm.get(term);
  }

  /** Marks the first occurrence of each term under `root`; running it twice changes nothing. */
  mark(root: HTMLElement): void {
    const pattern = this.pattern;
    if (!pattern) return;
    root.normalize(); // streamed answers arrive as many text nodes; a term may straddle two
    const seen = new Set(
      Array.from(root.querySelectorAll<HTMLElement>('.glossary-term'), (b) => b.dataset.term ?? ''),
    );
    for (const node of textNodes(root)) {
      const text = node.data;
      const pieces: Array<string | HTMLElement> = [];
      let last = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const term = m[0];
        if (seen.has(term)) continue;
        seen.add(term);
        if (m.index > last) pieces.push(text.slice(last, m.index));
        pieces.push(termButton(term));
        last = m.index + term.length;
      }
      if (pieces.length === 0) continue;
      if (last < text.length) pieces.push(text.slice(last));
      node.replaceWith(...pieces);
    }
  }
}

/**
 * Fetches the glossary the first time something asks for marks (so a page that
 * never shows an answer or article never asks), then marks whatever is waiting.
 * One attempt per page: on failure text simply stays unmarked.
 */
export class LazyGlossary {
  private glossary: Glossary | null = null;
  private requested = false;

  constructor(
    private readonly load: () => Promise<GlossaryTerm[]>,
    /** Everything on the page that should be marked once the glossary arrives. */
    private readonly waiting: () => Iterable<HTMLElement>,
  ) {}

  get current(): Glossary | null {
    return this.glossary;
  }

  readonly mark = (root: HTMLElement): void => {
    if (this.glossary) return this.glossary.mark(root);
    if (this.requested) return;
    this.requested = true;
    this.load().then(
      (terms) => {
        const glossary = new Glossary(terms);
        this.glossary = glossary;
        for (const el of this.waiting()) glossary.mark(el);
      },
      () => {},
    );
  };
}

function textNodes(root: HTMLElement): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

function termButton(term: string): HTMLElement {
  return el(
    'dfn',
    {
      class: 'glossary-term',
      role: 'button',
      tabindex: 0,
      'data-term': term,
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
    },
    [term],
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
