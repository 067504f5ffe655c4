// Empty-conversation card: what the assistant does, the current audience's
// starter questions (clicking one asks it straight away) and, per audience,
// a way into its own view (市民: life topics; 培训: the study-pack builder).
import { button, el } from './dom';
import { MODE_STRINGS, S } from './strings';
import type { Mode } from './types';

export class Welcome {
  readonly element: HTMLElement;
  private readonly hint = el('p', { class: 'welcome__mode-hint' });
  private readonly starters = el('ul', { class: 'welcome__starters' });

  constructor(
    private readonly ask: (question: string) => void,
    /** Mode-specific blocks shown above the starters (市民: the life topics). */
    private readonly extras: Partial<Record<Mode, HTMLElement>> = {},
  ) {
    this.element = el('section', { class: 'welcome', 'aria-labelledby': 'welcome-title' }, [
      el('h2', { class: 'welcome__title', id: 'welcome-title', text: S.welcomeTitle }),
      el('p', { class: 'welcome__doc', text: S.docTitle }),
      el('p', { class: 'welcome__body', text: S.welcomeBody }),
      this.hint,
      ...this.extraWrappers(),
      el('p', { class: 'welcome__starters-heading', text: S.startersHeading }),
      this.starters,
    ]);
  }

  setMode(mode: Mode): void {
    const strings = MODE_STRINGS[mode];
    for (const wrapper of this.element.querySelectorAll<HTMLElement>('.welcome__extra')) {
      wrapper.hidden = wrapper.dataset.mode !== mode;
    }
    this.hint.textContent = strings.hint;
    this.starters.replaceChildren(
      ...strings.starters.map((q) => {
        const b = button(q, 'starter');
        b.addEventListener('click', () => this.ask(q));
        return el('li', {}, [b]);
      }),
    );
  }

  // Wrapped so the mode decides visibility while the block still hides itself (e.g. no topics).
  private extraWrappers(): HTMLElement[] {
    return Object.entries(this.extras).map(([mode, block]) =>
      el('div', { class: 'welcome__extra', 'data-mode': mode, hidden: true }, [block]),
    );
  }

  setVisible(visible: boolean): void {
    this.element.hidden = !visible;
  }
}
