// Renders an article as paragraphs of text nodes with the cited ranges wrapped
// in <mark>. Document text is never parsed as HTML.
import { el } from './dom';
import type { Range } from './quote-locate';

export function renderArticleText(text: string, marks: Range[]): HTMLElement {
  const root = el('div', { class: 'article-text' });
  const lineBreak = /\n+/g;
  let start = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    if (text.slice(start, end).trim()) root.appendChild(paragraph(text, start, end, marks));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return root;
}

// A mark range may cross paragraph breaks, so each paragraph takes its overlap.
function paragraph(text: string, start: number, end: number, marks: Range[]): HTMLParagraphElement {
  const p = el('p');
  let pos = start;
  for (const r of marks) {
    const a = Math.max(r.start, start);
    const b = Math.min(r.end, end);
    if (a >= b) continue;
    if (a > pos) p.append(text.slice(pos, a));
    p.append(el('mark', { class: 'quote-mark', text: text.slice(a, b) }));
    pos = b;
  }
  if (pos < end) p.append(text.slice(pos, end));
  return p;
}
