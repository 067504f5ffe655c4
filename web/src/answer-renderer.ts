// Renders answer text with citation chips while it streams. Text is appended
// as it arrives; only the part after an unclosed bracket (〔, [ or 【) is held back (shown as plain
// text) until it is known whether it becomes a chip. Rendered nodes are never
// rebuilt, so a chip the user has focused survives later deltas.
import { parseAnswer, stableLength, type AnswerSegment } from './citation-markers';
import { articleLabel } from './strings';
import { el } from './dom';

/** A 第N条 chip; with `quote`, the article panel highlights that sentence (see main.ts). */
export function citeChip(article: number, quote?: string): HTMLButtonElement {
  // Visible text doubles as the accessible name: exactly "第12条".
  return el(
    'button',
    { type: 'button', class: 'cite-chip', 'data-article': article, 'data-quote': quote },
    [articleLabel(article)],
  );
}

// Blank lines between paragraphs would take a full 1.85em line in pre-wrap
// text; a styled gap element keeps paragraphs apart more tightly.
function insertText(text: string, parent: Node, before: Node | null): void {
  text.split(/\n{2,}/).forEach((piece, i) => {
    if (i > 0) parent.insertBefore(el('span', { class: 'para-gap' }), before);
    if (piece) parent.insertBefore(document.createTextNode(piece), before);
  });
}

export function renderSegments(
  segments: AnswerSegment[],
  parent: Node,
  before: Node | null = null,
): void {
  for (const seg of segments) {
    if (seg.kind === 'text') {
      insertText(seg.text, parent, before);
      continue;
    }
    const group = el('span', { class: 'cite-group', 'data-marker': seg.raw });
    for (const n of seg.articles) group.appendChild(citeChip(n));
    parent.insertBefore(group, before);
  }
}

export class AnswerRenderer {
  private text = '';
  private committed = 0;
  private readonly tail = document.createTextNode('');

  constructor(private readonly root: HTMLElement) {
    root.appendChild(this.tail);
  }

  get value(): string {
    return this.text;
  }

  append(delta: string): void {
    this.text += delta;
    this.flush(stableLength(this.text));
  }

  /** Final text from the done event; usually equal to the streamed deltas. */
  finish(finalText: string = this.text): void {
    if (!finalText.startsWith(this.text.slice(0, this.committed))) {
      // The server rewrote the answer (e.g. fell back offline): start over.
      this.root.replaceChildren(this.tail);
      this.committed = 0;
    }
    this.text = finalText;
    this.flush(this.text.length);
  }

  private flush(upTo: number): void {
    if (upTo > this.committed) {
      renderSegments(parseAnswer(this.text.slice(this.committed, upTo)), this.root, this.tail);
      this.committed = upTo;
    }
    this.tail.data = this.text.slice(this.committed);
  }
}
