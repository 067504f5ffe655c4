// Question box with 发送 / 停止. Enter sends, Shift+Enter adds a newline, and
// Enter while an IME is composing (pinyin candidates) is left to the IME.
import { button, el } from './dom';
import { S } from './strings';

export const MAX_QUESTION = 1000; // API limit for `message`
const COUNT_FROM = 800; // the counter only appears when the limit gets close
const MAX_HEIGHT_PX = 180;

export interface ComposerHandlers {
  submit(text: string): void;
  stop(): void;
}

export class Composer {
  readonly element: HTMLFormElement;
  readonly input = el('textarea', {
    class: 'composer__input',
    'aria-label': S.inputLabel,
    placeholder: S.inputPlaceholder,
    maxlength: MAX_QUESTION,
    rows: 1,
    enterkeyhint: 'send',
  });
  private readonly send = el(
    'button',
    { type: 'submit', class: 'btn btn--primary composer__send' },
    [S.send],
  );
  private readonly stopButton = button(S.stop, 'btn btn--stop composer__stop', { hidden: true });
  private readonly count = el('span', { class: 'composer__count', 'aria-live': 'polite' });
  private busy = false;

  constructor(private readonly handlers: ComposerHandlers) {
    this.element = el('form', { class: 'composer', novalidate: true }, [
      el('div', { class: 'composer__box' }, [this.input, this.send, this.stopButton]),
      el('p', { class: 'composer__meta' }, [
        el('span', { class: 'composer__hint', text: S.composerHint }),
        this.count,
      ]),
      el('p', { class: 'composer__disclaimer', text: S.disclaimer }),
    ]);
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      this.trySubmit();
    });
    this.stopButton.addEventListener('click', () => this.handlers.stop());
    this.input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      this.trySubmit();
    });
    this.input.addEventListener('input', () => this.refresh());
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    const buttonHadFocus =
      document.activeElement === this.stopButton || document.activeElement === this.send;
    this.send.hidden = busy;
    this.stopButton.hidden = !busy;
    // A hidden button drops focus to <body>; keep keyboard users in the box instead.
    if (buttonHadFocus) this.input.focus();
  }

  /** Puts text in the box (starter questions) without sending it. */
  setValue(text: string): void {
    this.input.value = text.slice(0, MAX_QUESTION);
    this.refresh();
  }

  focus(): void {
    this.input.focus();
  }

  private trySubmit(): void {
    const text = this.input.value.trim();
    if (!text) return;
    if (this.busy) {
      this.count.textContent = S.busy;
      return;
    }
    this.handlers.submit(text);
    this.setValue('');
  }

  private refresh(): void {
    const n = this.input.value.length;
    this.count.textContent = n >= COUNT_FROM ? S.tooLong(n, MAX_QUESTION) : '';
    // Grow with the text up to a limit, then scroll inside the box.
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, MAX_HEIGHT_PX)}px`;
  }
}
