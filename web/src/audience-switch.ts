// 工作人员 / 市民 / 培训: native radios, so arrow keys and screen readers work
// without extra ARIA.
import { el } from './dom';
import { MODES, MODE_STRINGS, S } from './strings';
import type { Mode } from './types';

export class AudienceSwitch {
  readonly element: HTMLFieldSetElement;
  private readonly radios = new Map<Mode, HTMLInputElement>();

  constructor(initial: Mode, onChange: (mode: Mode) => void) {
    const options = MODES.map((mode) => {
      const radio = el('input', {
        type: 'radio',
        name: 'audience',
        value: mode,
        class: 'audience__radio',
      });
      radio.checked = mode === initial;
      radio.addEventListener('change', () => radio.checked && onChange(mode));
      this.radios.set(mode, radio);
      return el('label', { class: 'audience__option' }, [
        radio,
        el('span', { text: MODE_STRINGS[mode].label }),
      ]);
    });
    this.element = el('fieldset', { class: 'audience' }, [
      el('legend', { class: 'audience__legend', text: S.audienceLegend }),
      el('div', { class: 'audience__options' }, options),
    ]);
  }

  set(mode: Mode): void {
    const radio = this.radios.get(mode);
    if (radio) radio.checked = true;
  }
}
