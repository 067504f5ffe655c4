// Empty-conversation card: what the assistant does, plus the current
// audience's starter questions (clicking one asks it straight away).
import { button, el } from './dom';
import { MODE_STRINGS, S } from './strings';
import type { Mode } from './types';

export class Welcome {
  readonly element: HTMLElement;
  private readonly hint = el('p', { class: 'welcome__mode-hint' });
  private readonly starters = el('ul', { class: 'welcome__starters' });

  constructor(private readonly ask: (question: string) => void) {
    this.element = el('section', { class: 'welcome', 'aria-labelledby': 'welcome-title' }, [
      el('h2', { class: 'welcome__title', id: 'welcome-title', text: S.welcomeTitle }),
      el('p', { class: 'welcome__doc', text: S.docTitle }),
      el('p', { class: 'welcome__body', text: S.welcomeBody }),
      this.hint,
      el('p', { class: 'welcome__starters-heading', text: S.startersHeading }),
      this.starters,
    ]);
  }

  setMode(mode: Mode): void {
    const strings = MODE_STRINGS[mode];
    this.hint.textContent = strings.hint;
    this.starters.replaceChildren(
      ...strings.starters.map((q) => {
        const b = button(q, 'starter');
        b.addEventListener('click', () => this.ask(q));
        return el('li', {}, [b]);
      }),
    );
  }

  setVisible(visible: boolean): void {
    this.element.hidden = !visible;
  }
}
