// On narrow screens the outline hides behind the 目录 button as a drawer.
// On wide screens CSS shows it as a sidebar and this class is idle.
import type { OutlineNav } from './outline';

export class OutlineDrawer {
  constructor(
    private readonly toggle: HTMLButtonElement,
    private readonly outline: OutlineNav,
    private readonly backdrop: HTMLElement,
    closeButton: HTMLButtonElement,
  ) {
    toggle.addEventListener('click', () => (this.isOpen ? this.close(true) : this.open()));
    closeButton.addEventListener('click', () => this.close(true));
    backdrop.addEventListener('click', () => this.close(true));
  }

  get isOpen(): boolean {
    return document.body.classList.contains('outline-open');
  }

  contains(node: Node): boolean {
    return this.outline.element.contains(node);
  }

  open(): void {
    document.body.classList.add('outline-open');
    this.toggle.setAttribute('aria-expanded', 'true');
    this.backdrop.hidden = false;
    this.outline.filter.focus();
  }

  close(returnFocus: boolean): void {
    if (!this.isOpen) return;
    document.body.classList.remove('outline-open');
    this.toggle.setAttribute('aria-expanded', 'false');
    this.backdrop.hidden = true;
    if (returnFocus) this.toggle.focus();
  }
}
