// One polite status line for short confirmations (已复制, 已导出).
import { el } from './dom';

const VISIBLE_MS = 2400;

export class Toast {
  readonly element = el('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });
  private timer = 0;

  show(text: string): void {
    window.clearTimeout(this.timer);
    this.element.textContent = text;
    this.element.classList.add('toast--visible');
    this.timer = window.setTimeout(() => {
      this.element.classList.remove('toast--visible');
      this.element.textContent = '';
    }, VISIBLE_MS);
  }
}
